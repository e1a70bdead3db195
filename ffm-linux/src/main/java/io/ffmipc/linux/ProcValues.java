package io.ffmipc.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a number from a sysctl file under {@code /proc/sys}. Such a file must be read in ONE read
 * call from offset 0: the kernel's integer handlers answer a read at a later offset with end of
 * file, so {@code Files.readString} (which, seeing a size of 0, reads one byte and then the rest)
 * would get only the first digit.
 */
final class ProcValues {
    private ProcValues() {
    }

    /** The number in {@code file}, or -1 if it cannot be read. */
    static long read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64];
            int n = in.read(buf);
            return n <= 0 ? -1 : Long.parseLong(new String(buf, 0, n, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** "{@code file} (now N)" for error messages that name a limit. */
    static String shown(Path file) {
        long v = read(file);
        return file + " (now " + (v < 0 ? "unreadable" : Long.toString(v)) + ")";
    }
}
