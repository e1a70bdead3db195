package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Permissions;

import java.util.List;

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
    List<Capability> capabilities() {
        return List.of(Capability.SEMAPHORE);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        set = tour.withFreshKey(key -> SystemV.createSemaphoreSet(key, 2, 0, Permissions.OWNER_ONLY.mode()));
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
            SystemV.removeSemaphoreSet(set.key());
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (SystemV.SemaphoreSet s = SystemV.openSemaphoreSet(Converters.sysvKey(argument))) {
            RoundTrips.peer(settings, signal(s, 0), signal(s, 1));
        }
    }

    static Signal signal(SystemV.SemaphoreSet set, int index) {
        return Signal.of(() -> set.release(index, false), timeout -> set.acquire(index, false, timeout));
    }
}
