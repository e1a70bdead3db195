package io.ffmipc.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Small per-thread native buffers for the arguments of hot-path calls, so acquire, release, signal
 * and await allocate nothing per call. Per thread rather than per object: two threads waiting on
 * the same semaphore must not share one timespec. A buffer is only used for the duration of one
 * native call sequence inside an adapter method.
 */
final class NativeScratch {
    private static final ThreadLocal<NativeScratch> BUFFERS = ThreadLocal.withInitial(NativeScratch::new);

    /** A {@code struct timespec} (16 bytes). */
    final MemorySegment timespec;
    /** 8 bytes: an eventfd counter, an int out-parameter. */
    final MemorySegment word;
    /** 8 bytes: a {@code struct sembuf} (6) or a {@code struct pollfd} (8). */
    final MemorySegment small;

    private NativeScratch() {
        MemorySegment all = Arena.ofAuto().allocate(32, 8);
        timespec = all.asSlice(0, 16);
        word = all.asSlice(16, 8);
        small = all.asSlice(24, 8);
    }

    static NativeScratch get() {
        return BUFFERS.get();
    }
}
