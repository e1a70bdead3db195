package io.ffmipc.linux;

import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Waiting for a non-blocking descriptor (FIFO, socket) to become readable or writable: {@code poll}
 * in slices of at most 50 ms, so an interrupt or a close of the owning object ends the wait within
 * one slice; EINTR just starts the next slice with the time that is left. Allocation-free (the
 * pollfd is per-thread scratch).
 */
final class DescriptorWait {
    private static final int EINTR = Errno.EINTR.intValue();
    static final int POLLIN = LibC.POLLIN.intValue();
    static final int POLLOUT = LibC.POLLOUT.intValue();
    static final int POLLERR = LibC.POLLERR.intValue();
    static final int POLLHUP = LibC.POLLHUP.intValue();

    private DescriptorWait() {
    }

    /**
     * Waits one slice for {@code events} on {@code fd}. Returns the poll's revents (0 if the slice
     * passed without any). Throws if interrupted or if {@code guard}'s object was closed.
     */
    static int slice(int fd, int events, Deadline deadline, CloseGuard guard, String operation, String label) {
        return slice(fd, events, deadline.atNanos(), guard, operation, label);
    }

    /** {@link #slice(int, int, Deadline, CloseGuard, String, String)} for a primitive deadline ({@link Deadline#nanosAfter}). */
    static int slice(int fd, int events, long deadline, CloseGuard guard, String operation, String label) {
        WaitSlices.checkInterrupt(operation, label);
        guard.checkOpen();
        MemorySegment st = NativeBinder.callState();
        MemorySegment pfd = NativeScratch.get().small;
        pfd.set(ValueLayout.JAVA_INT, 0, fd);
        pfd.set(ValueLayout.JAVA_SHORT, 4, (short) events);
        pfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
        int n = LibC.INSTANCE.poll(st, pfd, 1, WaitSlices.nextMillis(deadline));
        if (n < 0) {
            int err = LibC.INSTANCE.errno(st);
            if (err != EINTR) {
                throw Errno.exception("poll", label, err);
            }
            return 0;
        }
        return n == 0 ? 0 : pfd.get(ValueLayout.JAVA_SHORT, 6);
    }
}
