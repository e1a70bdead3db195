package io.ffmipc.cli;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * A {@link Signal} in shared memory: a 64-bit counter one process raises and the other watches.
 * Exactly one process signals a given flag; the counter only grows, so the watcher never misses
 * a signal and never counts one twice.
 */
final class SpinFlag implements Signal {
    private static final VarHandle COUNTER = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment memory;
    private final long offset;
    private long sent;
    private long seen;

    SpinFlag(MemorySegment memory, long offset) {
        if (offset % Long.BYTES != 0 || offset + Long.BYTES > memory.byteSize()) {
            throw new IllegalArgumentException("flag offset " + offset + " is not an aligned place in " + memory.byteSize() + " bytes");
        }
        this.memory = memory;
        this.offset = offset;
    }

    @Override
    public void signal() {
        // release: whatever this process wrote before signalling is visible to the watcher's acquire
        COUNTER.setRelease(memory, offset, ++sent);
    }

    @Override
    public boolean await(Duration timeout) {
        long want = seen + 1;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int spins = 0; ; spins++) {
            if ((long) COUNTER.getAcquire(memory, offset) >= want) {
                seen = want;
                return true;
            }
            if ((spins & 0xff) == 0xff) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                // on a busy machine (2 cores shared by both processes) let the other side run
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
