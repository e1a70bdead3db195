package io.ffmipc.cli;

import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SystemV;

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
    String prepare(Tour tour, ChildLauncher launcher) {
        SystemV systemV = SystemVAccess.of(tour.platform());
        segment = tour.withFreshKey(key -> systemV.sharedMemory(key, OpenMode.CREATE, SIZE, Permissions.OWNER_ONLY));
        return Converters.hexKey(segment.key());
    }

    @Override
    String run(Tour tour) {
        return "key " + Converters.hexKey(segment.key()) + ", id " + segment.id() + ", " + segment.size() + " bytes: "
                + ShmExchange.parent(segment.segment(), tour.settings());
    }

    @Override
    void cleanup(Tour tour) {
        if (segment != null) {
            segment.close();
            SystemVAccess.of(tour.platform()).removeSharedMemory(segment.key());
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (SystemV.Segment s = SystemVAccess.of(platform).sharedMemory(Converters.sysvKey(argument), OpenMode.OPEN, 0,
                Permissions.OWNER_ONLY)) {
            ShmExchange.peer(s.segment(), settings);
        }
    }
}
