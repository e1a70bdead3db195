package io.ffmipc.linux;

import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Removing a POSIX-named object ({@code shm_unlink}, {@code sem_unlink}, {@code mq_unlink}): the three
 * calls share one contract — 0 on success, ENOENT when there is no such name.
 */
final class PosixUnlink {
    private static final int ENOENT = Errno.ENOENT.intValue();

    /** One of the libc unlink wrappers, e.g. {@code LibC.INSTANCE::semUnlink}. */
    @FunctionalInterface
    interface Call {
        int unlink(MemorySegment state, MemorySegment osName);
    }

    private PosixUnlink() {
    }

    /**
     * Removes {@code osName}; false if there was no such object.
     *
     * @param call the C function's name, for the error
     * @param name the portable name, for the error
     */
    static boolean remove(String call, Call unlink, String name, String osName) {
        MemorySegment st = NativeBinder.callState();
        try (Arena a = Arena.ofConfined()) {
            if (unlink.unlink(st, a.allocateFrom(osName)) == 0) {
                return true;
            }
        }
        int err = LibC.INSTANCE.errno(st);
        if (err == ENOENT) {
            return false;
        }
        throw Errno.exception(call, name, err);
    }
}
