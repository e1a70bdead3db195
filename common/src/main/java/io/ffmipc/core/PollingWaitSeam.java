package io.ffmipc.core;

import io.ffmipc.SharedMemory;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.spi.WaitSeam;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The wait seam the core uses where a provider has none ({@link io.ffmipc.spi.PlatformSeams#waitSeam()}
 * empty: macOS before 14.4 without the opted-in private calls): a waiter re-reads the word with
 * {@link PollBackoff} pauses (yields, then parks doubling up to {@value PollBackoff#MAX_PARK_NANOS} ns)
 * until it changes or its slice ends, and a wake does nothing, since nobody is parked in the kernel. A
 * change is seen at most about 2 ms late; an idle waiter costs a wake-up every 2 ms. Words hold no OS
 * resource. Allocation-free per call, like every seam word.
 */
public final class PollingWaitSeam implements WaitSeam {
    /** Stateless: one for every caller. */
    public static final PollingWaitSeam INSTANCE = new PollingWaitSeam();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private PollingWaitSeam() {
    }

    @Override
    public SharedWord word(SharedMemory memory, long offset) {
        return new Word(memory, offset);
    }

    /** A polled word. */
    private static final class Word extends SeamWord {
        private final MemorySegment segment;

        Word(SharedMemory memory, long offset) {
            super(memory, offset);
            this.segment = segment();
        }

        /**
         * Polls until the word differs from {@code expected} ({@link Attempt#DONE}), {@code nanos} pass
         * ({@link Attempt#TIMED_OUT}) or the thread is interrupted ({@link Attempt#INTERRUPTED}; the
         * flag stays set for the caller). Reading closed memory throws {@link IllegalStateException}.
         */
        @Override
        public int await(int expected, long nanos) {
            checkLive();
            long offset = offset();
            long deadline = Deadline.nanosFromNow(nanos);
            long backoff = PollBackoff.START;
            while (true) {
                if ((int) INT.getAcquire(segment, offset) != expected) {
                    return Attempt.DONE;
                }
                if (Deadline.expired(deadline)) {
                    return Attempt.TIMED_OUT;
                }
                if (Thread.currentThread().isInterrupted() || isClosed()) {
                    return Attempt.INTERRUPTED; // the caller sees the interrupt or the closed word
                }
                backoff = PollBackoff.pause(backoff, deadline);
            }
        }

        /** Nobody is parked in the kernel: waiters see the change on their next poll. Returns 0. */
        @Override
        public int wake(int count) {
            checkLive();
            checkWakeCount(count);
            return 0;
        }
    }
}
