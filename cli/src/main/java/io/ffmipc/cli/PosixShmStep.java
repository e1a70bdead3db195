package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;

import java.util.List;

/** Named shared memory: the tour creates it, the peer opens it by name. */
final class PosixShmStep extends TourStep {
    private static final long SIZE = 4096;
    private SharedMemory memory;

    @Override
    String id() {
        return "shm";
    }

    @Override
    String title() {
        return "named shared memory";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.NAMED_SHARED_MEMORY);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        memory = tour.platform().sharedMemory(tour.name("shm"), OpenMode.CREATE, SIZE);
        return memory.name();
    }

    @Override
    String run(Tour tour) {
        return "'" + memory.name() + "', " + memory.size() + " bytes: " + ShmExchange.parent(memory.segment(), tour.settings());
    }

    @Override
    void cleanup(Tour tour) {
        if (memory != null) {
            memory.close();
            tour.platform().removeSharedMemory(memory.name());
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (SharedMemory m = platform.sharedMemory(argument, OpenMode.OPEN, 0)) {
            ShmExchange.peer(m.segment(), settings);
        }
    }
}
