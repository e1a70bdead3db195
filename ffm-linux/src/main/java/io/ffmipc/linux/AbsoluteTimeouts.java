package io.ffmipc.linux;

import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Fills a {@code struct timespec} with "now + n nanoseconds" on a given clock, for the calls that
 * take an absolute timeout (sem_clockwait on CLOCK_MONOTONIC, mq_timedsend/mq_timedreceive on
 * CLOCK_REALTIME). Allocation-free: the timespec is the caller's per-thread scratch.
 */
final class AbsoluteTimeouts {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private AbsoluteTimeouts() {
    }

    /** Sets {@code ts} to the time {@code nanos} from now on {@code clock}. */
    static void fromNow(MemorySegment st, int clock, MemorySegment ts, long nanos, String objectName) {
        if (LibC.clockGettime(st, clock, ts) != 0) {
            throw Errno.exception("clock_gettime", objectName, LibC.errno(st));
        }
        long n = ts.get(ValueLayout.JAVA_LONG, 8) + nanos;
        ts.set(ValueLayout.JAVA_LONG, 0, ts.get(ValueLayout.JAVA_LONG, 0) + n / NANOS_PER_SECOND);
        ts.set(ValueLayout.JAVA_LONG, 8, n % NANOS_PER_SECOND);
    }

    /** Sets {@code ts} to the epoch: as an absolute timeout it has always passed, so the call does not wait. */
    static void alreadyPassed(MemorySegment ts) {
        ts.set(ValueLayout.JAVA_LONG, 0, 0L);
        ts.set(ValueLayout.JAVA_LONG, 8, 0L);
    }
}
