package io.ffmipc.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Small per-thread native buffers for the arguments of the POSIX layer's hot-path calls, so waits,
 * sends and receives allocate nothing per call. Per thread rather than per object: two threads
 * waiting on the same semaphore must not share one timespec. A buffer is used only for the
 * duration of one native call sequence inside a seam method.
 */
public final class PosixScratch {
    private static final ThreadLocal<PosixScratch> BUFFERS = ThreadLocal.withInitial(PosixScratch::new);

    /** A {@code struct timespec}: 16 bytes on every 64-bit target (two longs, see {@link AbsoluteTimeouts}). */
    public final MemorySegment timespec;
    /** 8 bytes: an int out-parameter (a value, a priority), a 64-bit counter. */
    public final MemorySegment word;

    private PosixScratch() {
        MemorySegment all = Arena.ofAuto().allocate(24, 8);
        timespec = all.asSlice(0, 16);
        word = all.asSlice(16, 8);
    }

    /** This thread's buffers. */
    public static PosixScratch get() {
        return BUFFERS.get();
    }
}
