package io.ffmipc.posix;

import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Removing a POSIX-named object ({@code shm_unlink}, {@code sem_unlink}, {@code mq_unlink}): the three
 * calls share one contract — 0 on success, ENOENT when there is no such name.
 */
final class PosixUnlink {
    private final PosixLibrary lib;

    /** One of the unlink functions, e.g. {@code lib::semUnlink}. */
    @FunctionalInterface
    interface Call {
        int unlink(MemorySegment state, MemorySegment osName);
    }

    PosixUnlink(PosixLibrary lib) {
        this.lib = lib;
    }

    /**
     * Removes {@code osName}; false if there was no such object.
     *
     * @param call the C function's name, for the error
     * @param name the portable name, for the error
     */
    boolean remove(String call, Call unlink, String name, String osName) {
        MemorySegment st = NativeBinder.callState();
        try (Arena a = Arena.ofConfined()) {
            if (unlink.unlink(st, a.allocateFrom(osName)) == 0) {
                return true;
            }
        }
        int err = lib.errno(st);
        if (err == lib.constant("ENOENT")) {
            return false;
        }
        throw lib.error(call, name, err, null);
    }
}
