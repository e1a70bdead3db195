package io.ffmipc.linux;

import io.ffmipc.Inheritable;
import io.ffmipc.IpcException;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/** Small descriptor chores shared by the pipe, socket and adoption code. */
final class Descriptors {
    private Descriptors() {
    }

    private static final String TOKEN_PREFIX = "fd:";

    /** The token the launcher gives a child for a descriptor: {@code fd:N}. */
    static String token(int childFd) {
        return TOKEN_PREFIX + childFd;
    }

    /** The descriptor number in a launcher's token; {@code what} names the object for the message. */
    static int parseToken(String token, String what) {
        String bad = "bad " + what + " token '" + token + "': expected 'fd:<descriptor number>', such as 'fd:3'";
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            throw new IllegalArgumentException(bad);
        }
        int fd;
        try {
            fd = Integer.parseInt(token.substring(TOKEN_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad);
        }
        if (fd < 0) {
            throw new IllegalArgumentException(bad);
        }
        return fd;
    }

    /** The descriptor behind a handle, checked to be one. */
    static int of(Inheritable handle, String operation) {
        if (handle == null) {
            throw new IllegalArgumentException(operation + ": a handle is required");
        }
        long h = handle.osHandle();
        if (h < 0 || h > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(operation + ": not a file descriptor: " + h);
        }
        return (int) h;
    }

    /** A close-on-exec copy of {@code fd}, so the caller's descriptor and ours close independently. */
    static int duplicate(int fd, String operation, String label) {
        MemorySegment st = NativeBinder.callState();
        int copy = LibC.INSTANCE.fcntl(st, fd, LibC.F_DUPFD_CLOEXEC.intValue(), 0);
        if (copy < 0) {
            throw Errno.exception(operation, label, LibC.INSTANCE.errno(st), "copying descriptor " + fd);
        }
        return copy;
    }

    /** The file type bits ({@code st_mode & S_IFMT}) of an open descriptor. */
    static int fileType(int fd, String operation, String label) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(LibC.STAT.layout());
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.fstat(st, fd, buf) != 0) {
                throw Errno.exception("fstat", label, LibC.INSTANCE.errno(st), operation);
            }
            return buf.get(JAVA_INT, LibC.STAT.offset("st_mode")) & LibC.S_IFMT.intValue();
        }
    }

    /** Closes quietly, for clean-up after another error (which is the one worth reporting). */
    static void closeQuietly(int fd) {
        LibC.INSTANCE.close(NativeBinder.callState(), fd);
    }

    /** Closes, reporting a failure. */
    static void close(int fd, String label) {
        MemorySegment st = NativeBinder.callState();
        if (LibC.INSTANCE.close(st, fd) != 0) {
            throw Errno.exception("close", label, LibC.INSTANCE.errno(st));
        }
    }

    /** Checks that a caller's segment can be handed to the kernel. */
    static void requireNative(MemorySegment segment, String operation, String label) {
        if (segment == null) {
            throw new IllegalArgumentException(operation + " '" + label + "': a segment is required");
        }
        if (!segment.isNative()) {
            throw new IllegalArgumentException(operation + " '" + label
                    + "': the segment must be native (off-heap), as the kernel reads or writes it directly;"
                    + " use the byte[] form for heap data");
        }
    }

    /** A wait that cannot be sliced (a retry pause) that still ends at an interrupt. */
    static void pause(long millis, String operation, String label) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.ffmipc.IpcInterruptedException(operation, label);
        }
    }

    /** An {@link IpcException} for a descriptor of the wrong file type. */
    static IpcException wrongType(String operation, String label, String expected, int type) {
        return new IpcException(operation, label, null, "not " + expected + " (file type 0" + Integer.toOctalString(type) + ")");
    }
}
