package io.ffmipc.linux;

import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.WaitSlices;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Fills a {@code struct timespec} with "now + n nanoseconds" on a given clock, for the calls that
 * take an absolute timeout (sem_clockwait on CLOCK_MONOTONIC, mq_timedsend/mq_timedreceive on
 * CLOCK_REALTIME), and for the sliced waits around them. Allocation-free: the timespec is the caller's per-thread scratch.
 */
final class AbsoluteTimeouts {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private AbsoluteTimeouts() {
    }

    /** Sets {@code ts} to the time {@code nanos} from now on {@code clock}. */
    static void fromNow(MemorySegment st, int clock, MemorySegment ts, long nanos, String objectName) {
        if (LibC.INSTANCE.clockGettime(st, clock, ts) != 0) {
            throw Errno.exception("clock_gettime", objectName, LibC.INSTANCE.errno(st));
        }
        long n = ts.get(ValueLayout.JAVA_LONG, 8) + nanos;
        ts.set(ValueLayout.JAVA_LONG, 0, ts.get(ValueLayout.JAVA_LONG, 0) + n / NANOS_PER_SECOND);
        ts.set(ValueLayout.JAVA_LONG, 8, n % NANOS_PER_SECOND);
    }

    /**
     * The step before each slice of a sliced wait: throws if the thread was interrupted or
     * {@code guard}'s object closed, then sets {@code ts} to the end of the next slice (at most 50 ms,
     * never past {@code deadline}) on {@code clock}.
     */
    static void nextSlice(MemorySegment st, int clock, MemorySegment ts, Deadline deadline, CloseGuard guard,
                          String call, String objectName) {
        nextSlice(st, clock, ts, deadline.atNanos(), guard, call, objectName);
    }

    /** {@link #nextSlice(MemorySegment, int, MemorySegment, Deadline, CloseGuard, String, String)} for a primitive deadline. */
    static void nextSlice(MemorySegment st, int clock, MemorySegment ts, long deadline, CloseGuard guard,
                          String call, String objectName) {
        WaitSlices.checkInterrupt(call, objectName);
        guard.checkOpen();
        fromNow(st, clock, ts, WaitSlices.next(deadline), objectName);
    }

    /** Sets {@code ts} to the epoch: as an absolute timeout it has always passed, so the call does not wait. */
    static void alreadyPassed(MemorySegment ts) {
        ts.set(ValueLayout.JAVA_LONG, 0, 0L);
        ts.set(ValueLayout.JAVA_LONG, 8, 0L);
    }
}
