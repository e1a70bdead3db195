package io.ffmipc.cli;

import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.SystemV;

/** Ping-pong on a System V semaphore set of two: semaphore 0 tour → peer, semaphore 1 peer → tour. */
final class SysVSemaphoreStep extends SysVStep {
    private SystemV.SemaphoreSet set;

    @Override
    String id() {
        return "sysv-sem";
    }

    @Override
    String title() {
        return "System V semaphore ping-pong";
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        SystemV systemV = SystemVAccess.of(tour.platform());
        set = tour.withFreshKey(key -> systemV.semaphoreSet(key, OpenMode.CREATE, 2, 0));
        return Converters.hexKey(set.key());
    }

    @Override
    String run(Tour tour) {
        RoundTrips.Stats stats = RoundTrips.parent(tour.settings(), signal(set, 0), signal(set, 1));
        return "key " + Converters.hexKey(set.key()) + ", id " + set.id() + ": " + stats;
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
        try (SystemV.SemaphoreSet s = SystemVAccess.of(platform).semaphoreSet(Converters.sysvKey(argument), OpenMode.OPEN, 0)) {
            RoundTrips.peer(settings, signal(s, 0), signal(s, 1));
        }
    }

    static Signal signal(SystemV.SemaphoreSet set, int index) {
        return Signal.of(() -> set.release(index, false), timeout -> set.tryAcquire(index, false, timeout));
    }
}
