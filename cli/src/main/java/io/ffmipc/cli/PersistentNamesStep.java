package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.Durations;

import java.util.List;

/**
 * Names outlive their last handle: the tour creates named shared memory, writes into it and closes
 * it before the peer even starts, so for a while no process has it open; the peer then finds it
 * by name, reads it and answers through it, and posts a semaphore; only then does the tour open
 * the object again to read the answer. It stays until the tour removes it.
 */
final class PersistentNamesStep extends TourStep {
    private static final long ANSWER_AT = 1024;
    private String shmName;
    private String semName;
    private Semaphore answered;

    @Override
    String id() {
        return "persist";
    }

    @Override
    String title() {
        return "names outlive their last handle";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.PERSISTENT_NAMES, Capability.NAMED_SHARED_MEMORY, Capability.SEMAPHORE);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        shmName = tour.name("persist");
        semName = tour.name("persist-done");
        answered = tour.platform().semaphore(semName, OpenMode.CREATE, 0);
        try (SharedMemory shm = tour.platform().sharedMemory(shmName, OpenMode.CREATE, 4096)) {
            shm.segment().setString(0, "left by pid " + ProcessHandle.current().pid());
        } // closed: from here until the peer opens it, no process has the object open
        return shmName + "," + semName;
    }

    @Override
    String run(Tour tour) {
        if (!answered.tryAcquire(tour.settings().timeout())) {
            throw new TourTimeoutException("the peer did not answer within " + Durations.format(tour.settings().timeout()));
        }
        try (SharedMemory shm = tour.platform().sharedMemory(shmName, OpenMode.OPEN, 0)) {
            return "'" + shmName + "' was closed by its creator before the peer started; the peer opened it by name"
                    + " and wrote \"" + shm.segment().getString(ANSWER_AT) + "\"; it stays until removed";
        }
    }

    @Override
    void cleanup(Tour tour) {
        if (answered != null) {
            answered.close();
        }
        if (shmName != null) {
            tour.platform().removeSharedMemory(shmName);
            tour.platform().removeSemaphore(semName);
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        String[] names = argument.split(",", 2);
        if (names.length != 2) {
            throw new IllegalArgumentException("the persistence step needs two names, got '" + argument + "'");
        }
        try (SharedMemory shm = platform.sharedMemory(names[0], OpenMode.OPEN, 0);
             Semaphore done = platform.semaphore(names[1], OpenMode.OPEN, 0)) {
            String text = shm.segment().getString(0);
            shm.segment().setString(ANSWER_AT, "pid " + ProcessHandle.current().pid() + " found '" + text + "'");
            done.release();
        }
    }
}
