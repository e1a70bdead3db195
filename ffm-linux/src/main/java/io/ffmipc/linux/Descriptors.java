package io.ffmipc.linux;

import io.ffmipc.Inheritable;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.MemorySegment;

/** Small descriptor chores of the event and launcher code. */
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

    /** Closes quietly, for clean-up after another error (which is the one worth reporting). */
    static void closeQuietly(int fd) {
        LibC.INSTANCE.close(NativeBinder.callState(), fd);
    }
}
