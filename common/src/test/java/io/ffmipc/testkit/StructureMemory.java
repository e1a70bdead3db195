package io.ffmipc.testkit;

import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.core.PortablePlatform;
import io.ffmipc.core.SeamSharedMemory;
import io.ffmipc.core.StructureKind;
import io.ffmipc.spi.PlatformSeams;

/**
 * The shared memory behind a structure the library builds on it (a channel, a queue, a barrier),
 * under its stored name, for tests that inspect it or write garbage into it as a hostile peer would.
 */
public final class StructureMemory {
    private StructureMemory() {
    }

    /** The magic word the library writes for a kind, by its tag. */
    public static int magic(String kindTag) {
        return StructureKind.byTag(kindTag).magic();
    }

    /** The layout version the library writes for a kind, by its tag. */
    public static int version(String kindTag) {
        return StructureKind.byTag(kindTag).version();
    }

    /** The seams of a platform the core built. */
    public static PlatformSeams seams(IpcPlatform platform) {
        return ((PortablePlatform) platform).seams();
    }

    /**
     * Maps the structure's object whole.
     *
     * @param kindTag the kind's stored-name tag ({@code "channel"}, {@code "mq"}, {@code "barrier"}): a
     *                string, so provider tests need not compile against the core's types
     */
    public static SharedMemory open(IpcPlatform platform, String kindTag, String name) {
        StructureKind kind = StructureKind.byTag(kindTag);
        PlatformSeams s = seams(platform);
        return SeamSharedMemory.openStored(s.sharedMemory(), s.processes(), kind.storedName(name), name, kind.title(),
                OpenMode.OPEN, 0, Permissions.OWNER_ONLY);
    }

    /** Creates the structure's object, {@code size} bytes of zeros, as a peer that never publishes it would. */
    public static SharedMemory create(IpcPlatform platform, String kindTag, String name, long size) {
        StructureKind kind = StructureKind.byTag(kindTag);
        PlatformSeams s = seams(platform);
        return SeamSharedMemory.openStored(s.sharedMemory(), s.processes(), kind.storedName(name), name, kind.title(),
                OpenMode.CREATE, size, Permissions.OWNER_ONLY);
    }
}
