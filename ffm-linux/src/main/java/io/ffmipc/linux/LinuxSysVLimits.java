package io.ffmipc.linux;

import io.ffmipc.posix.SystemVLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux's System V limits: the sysctl files under {@code /proc/sys/kernel}. */
final class LinuxSysVLimits implements SystemVLimits {
    private static final Path KERNEL = Path.of("/proc/sys/kernel");

    @Override
    public long maxSegmentSize() {
        try {
            // readAllLines, not readString: on procfs (size 0) readString returned only a prefix.
            long v = Long.parseUnsignedLong(Files.readAllLines(KERNEL.resolve("shmmax")).get(0).trim());
            return v < 0 ? Long.MAX_VALUE : v; // "unlimited" is ULONG_MAX - 2^24 or so: larger than a long
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE; // no procfs: let shmget itself refuse
        }
    }

    @Override
    public long maxMessageSize() {
        return ProcValues.read(KERNEL.resolve("msgmax"));
    }

    @Override
    public String shown(String name) {
        return ProcValues.shown(KERNEL.resolve(name));
    }
}
