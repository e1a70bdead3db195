package io.ffmipc.channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process identity that survives pid reuse, in one 64-bit word of shared memory: the pid in the
 * low 32 bits and, above it, 31 bits of the process's start time; 0 there where the OS does not
 * say. A stamp is alive only if a process with that pid runs <em>and</em> started at that time, so
 * a dead peer whose pid was handed to a new process is seen as dead.
 *
 * <p>The start time must read the same in every process at every moment, or a live peer would be
 * taken for dead. Where {@code /proc/<pid>/stat} exists (Linux) it is the kernel's own start time
 * in clock ticks since boot, which nothing changes; the JDK's {@link ProcessHandle.Info#startInstant()}
 * is not used there because it is derived from the wall clock's boot time, which a clock step
 * moves. Elsewhere (macOS, Windows) {@code startInstant()} is the kernel's stored creation time.
 * Positive always; callers keep the sign (the channel stores {@code -stamp} for "closed").
 */
final class ProcessStamp {
    /** Where there is a {@code /proc}: the per-process files that give the start time. */
    private static final Path PROC = Path.of("/proc");
    private static final boolean HAS_PROC = Files.isReadable(PROC.resolve("self").resolve("stat"));

    private ProcessStamp() {
    }

    /** This process's stamp. */
    static long self() {
        return Self.STAMP;
    }

    /** Computed on first use, after the class's constants. */
    private static final class Self {
        static final long STAMP = of(ProcessHandle.current());
    }

    static long of(ProcessHandle process) {
        return (startKey(process) << 32) | (process.pid() & 0xFFFF_FFFFL);
    }

    /** The pid in a stamp (for messages and liveness). */
    static long pid(long stamp) {
        return stamp & 0xFFFF_FFFFL;
    }

    /** Whether the process the stamp names still runs: same pid and, where known, same start time. */
    static boolean alive(long stamp) {
        if (stamp == Self.STAMP) {
            return true;
        }
        long key = stamp >>> 32;
        return ProcessHandle.of(pid(stamp))
                .filter(ProcessHandle::isAlive)
                .map(p -> {
                    long now = startKey(p);
                    return key == 0 || now == 0 || now == key;
                })
                .orElse(false);
    }

    private static long startKey(ProcessHandle process) {
        if (HAS_PROC) {
            return procStartTicks(process.pid()) & 0x7FFF_FFFFL;
        }
        return process.info().startInstant().map(i -> i.toEpochMilli() & 0x7FFF_FFFFL).orElse(0L);
    }

    /**
     * Field 22 of {@code /proc/<pid>/stat} (start time, clock ticks after boot); 0 if the process is
     * gone or the file unreadable. The command name (field 2) may hold spaces and parentheses, so
     * the fields are counted from the last ')'.
     */
    static long procStartTicks(long pid) {
        try {
            return startTicksOf(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Field 22 of a {@code /proc/<pid>/stat} line; 0 if it is not one. */
    static long startTicksOf(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return 0;
        }
        String[] fields = stat.substring(close + 1).trim().split(" ");
        try {
            return fields.length > 19 ? Long.parseLong(fields[19]) : 0; // fields[0] is field 3 (state)
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
