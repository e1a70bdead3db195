package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Permissions;

import java.util.List;

/** A System V shared memory segment: the tour creates it by key, the peer attaches it by key. */
final class SysVShmStep extends SysVStep {
    private static final long SIZE = 4096;
    private SystemV.Segment segment;

    @Override
    String id() {
        return "sysv-shm";
    }

    @Override
    String title() {
        return "System V shared memory";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.NAMED_SHARED_MEMORY);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        segment = tour.withFreshKey(key -> SystemV.createSegment(key, SIZE, Permissions.OWNER_ONLY.mode()));
        return Converters.hexKey(segment.key());
    }

    @Override
    String run(Tour tour) {
        return "key " + Converters.hexKey(segment.key()) + ", id " + segment.id() + ", " + segment.size() + " bytes: "
                + ShmExchange.parent(segment.memory(), tour.settings());
    }

    @Override
    void cleanup(Tour tour) {
        if (segment != null) {
            segment.close();
            SystemV.removeSegment(segment.key());
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (SystemV.Segment s = SystemV.openSegment(Converters.sysvKey(argument))) {
            ShmExchange.peer(s.memory(), settings);
        }
    }
}
