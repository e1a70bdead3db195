package io.ffmipc.linux.ffi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's start time from {@code /proc/<pid>/stat}: field 22, in clock ticks after boot. It is
 * the kernel's own record, which nothing changes while the process runs; the JDK's
 * {@code ProcessHandle.Info.startInstant()} is derived from the wall clock's boot time, which a
 * clock step moves, so a live peer could look like another process.
 */
public final class ProcStat {
    private static final Path PROC = Path.of("/proc");

    private ProcStat() {
    }

    /** Field 22 of {@code /proc/<pid>/stat}; 0 if the process is gone or the file unreadable. */
    public static long startTicks(long pid) {
        try {
            return startTicksOf(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat")));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * Field 22 of a {@code /proc/<pid>/stat} line; 0 if it is not one. The command name (field 2)
     * may hold spaces and parentheses, so the fields are counted from the last ')'.
     */
    public static long startTicksOf(String stat) {
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
