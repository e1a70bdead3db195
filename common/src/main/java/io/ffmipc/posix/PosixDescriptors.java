package io.ffmipc.posix;

import io.ffmipc.IpcException;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.MemorySegment;

/** Small descriptor chores of the POSIX layer: copy, close, name a wrong file type. */
public final class PosixDescriptors {
    private final PosixLibrary lib;
    private final int fDupfdCloexec;

    public PosixDescriptors(PosixLibrary lib) {
        this.lib = lib;
        this.fDupfdCloexec = lib.constant("F_DUPFD_CLOEXEC");
    }

    /** A close-on-exec copy of {@code fd}, so the caller's descriptor and ours close independently. */
    public int duplicate(int fd, String operation, String label) {
        MemorySegment st = NativeBinder.callState();
        int copy = lib.fcntl(st, fd, fDupfdCloexec, 0);
        if (copy < 0) {
            throw lib.error(operation, label, lib.errno(st), "copying descriptor " + fd);
        }
        return copy;
    }

    /** Closes quietly, for clean-up after another error (which is the one worth reporting). */
    public void closeQuietly(int fd) {
        lib.close(NativeBinder.callState(), fd);
    }

    /** Closes, reporting a failure. */
    public void close(int fd, String label) {
        MemorySegment st = NativeBinder.callState();
        if (lib.close(st, fd) != 0) {
            throw lib.error("close", label, lib.errno(st), null);
        }
    }

    /** An {@link IpcException} for a descriptor of the wrong file type. */
    public static IpcException wrongType(String operation, String label, String expected, int type) {
        return new IpcException(operation, label, null, "not " + expected + " (file type 0" + Integer.toOctalString(type)
                + ")");
    }
}
