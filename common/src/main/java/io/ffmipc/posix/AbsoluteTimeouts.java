package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Fills a {@code struct timespec} with "now + n nanoseconds" on a given clock, for the calls that
 * take an absolute timeout ({@code sem_clockwait} on CLOCK_MONOTONIC, {@code mq_timedsend} and
 * {@code mq_timedreceive} on CLOCK_REALTIME). A seam computes the end of each slice just before its
 * call, so a wall-clock step can lengthen or shorten one slice, never a whole wait (the portable
 * layer keeps the deadline on the monotonic clock). Allocation-free: the timespec is the caller's
 * per-thread scratch ({@link PosixScratch}).
 */
final class AbsoluteTimeouts {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final PosixLibrary lib;
    private final long secondsOffset;
    private final long nanosOffset;

    AbsoluteTimeouts(PosixLibrary lib) {
        this.lib = lib;
        CStruct timespec = lib.struct("struct timespec");
        // time_t and long are 8 bytes on every 64-bit target the layer serves (Linux, macOS).
        if (timespec.layout().byteSize() != 16) {
            throw new IllegalStateException("struct timespec of " + lib.target() + " has "
                    + timespec.layout().byteSize() + " bytes; the POSIX layer expects two 64-bit fields");
        }
        this.secondsOffset = timespec.offset("tv_sec");
        this.nanosOffset = timespec.offset("tv_nsec");
    }

    /** Sets {@code ts} to the time {@code nanos} from now on {@code clock}. */
    void fromNow(MemorySegment st, int clock, MemorySegment ts, long nanos, String objectName) {
        if (lib.clockGettime(st, clock, ts) != 0) {
            throw lib.error("clock_gettime", objectName, lib.errno(st), null);
        }
        long n = ts.get(ValueLayout.JAVA_LONG, nanosOffset) + nanos;
        ts.set(ValueLayout.JAVA_LONG, secondsOffset, ts.get(ValueLayout.JAVA_LONG, secondsOffset) + n / NANOS_PER_SECOND);
        ts.set(ValueLayout.JAVA_LONG, nanosOffset, n % NANOS_PER_SECOND);
    }

    /** Sets {@code ts} to the epoch: as an absolute timeout it has always passed, so the call does not wait. */
    void alreadyPassed(MemorySegment ts) {
        ts.set(ValueLayout.JAVA_LONG, secondsOffset, 0L);
        ts.set(ValueLayout.JAVA_LONG, nanosOffset, 0L);
    }
}
