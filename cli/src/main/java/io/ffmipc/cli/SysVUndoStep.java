package io.ffmipc.cli;

import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Permissions;
import io.ffmipc.spi.Durations;
import io.ffmipc.OpenMode;
import io.ffmipc.SystemV;

import java.time.Duration;

/**
 * SEM_UNDO: the peer takes a System V lock with SEM_UNDO, says so, and is killed while holding it;
 * the kernel gives the lock back. Semaphore 0 is the lock (starts at 1), semaphore 1 the peer's
 * "I hold it" signal. This ends the peer, so it is the tour's last step.
 */
final class SysVUndoStep extends SysVStep {
    private SystemV.SemaphoreSet set;

    @Override
    String id() {
        return "sysv-undo";
    }

    @Override
    String title() {
        return "System V SEM_UNDO lock";
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        SystemV systemV = SystemVAccess.of(tour.platform());
        set = tour.withFreshKey(key -> systemV.semaphoreSet(key, OpenMode.CREATE, 2, 0));
        set.release(0, false);
        return Converters.hexKey(set.key());
    }

    @Override
    String run(Tour tour) {
        Duration timeout = tour.settings().timeout();
        if (!set.tryAcquire(1, false, timeout)) {
            throw new TourTimeoutException("the peer did not report holding the lock within " + Durations.format(timeout));
        }
        int held = set.value(0);
        if (held != 0) {
            throw new IllegalStateException("the peer says it holds the lock, yet its value is " + held + ", not 0");
        }
        tour.killPeer();
        int after = set.value(0);
        if (after != 1) {
            throw new IllegalStateException("the peer was killed holding the lock with SEM_UNDO, yet the lock's value is "
                    + after + ", not 1");
        }
        return "key " + Converters.hexKey(set.key()) + ": the peer took the lock with SEM_UNDO and was killed holding it; "
                + "the kernel gave it back (value 0 → 1)";
    }

    @Override
    void cleanup(Tour tour) {
        if (set != null) {
            set.close();
            SystemVAccess.of(tour.platform()).removeSemaphoreSet(set.key());
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        SystemV.SemaphoreSet s = SystemVAccess.of(platform).semaphoreSet(Converters.sysvKey(argument), OpenMode.OPEN, 0);
        if (!s.tryAcquire(0, true, settings.timeout())) {
            throw new TourTimeoutException("the lock was not free within " + Durations.format(settings.timeout()));
        }
        s.release(1, false);
        // hold the lock until the tour kills this process; if it never does, give up after the timeout
        try {
            Thread.sleep(settings.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new TourTimeoutException("the tour did not end this peer within " + Durations.format(settings.timeout()));
    }
}
