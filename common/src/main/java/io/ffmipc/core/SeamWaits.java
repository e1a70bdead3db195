package io.ffmipc.core;

import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.SharedWord;

/**
 * The wait loop over a {@link SharedWord}, once for every OS: the seam parks for one slice, this
 * loop cuts the deadline into slices of at most {@link WaitSlices#MAX_SLICE_NANOS}, retries after a
 * signal with the time left, and checks the Java interrupt flag between slices. Allocation-free:
 * the deadline is primitive ({@link Deadline#nanosAfter}).
 */
public final class SeamWaits {
    private SeamWaits() {
    }

    /**
     * Parks while the word holds {@code expected}. Returns {@code true} when woken, when the word
     * no longer holds {@code expected}, or spuriously — callers re-check their condition in a loop;
     * {@code false} once {@code deadlineNanos} has passed. A Java interrupt ends the wait with
     * {@link io.ffmipc.IpcInterruptedException} (flag kept set).
     *
     * @param what names the word in the interrupt's message (only built when it is thrown)
     */
    public static boolean await(SharedWord word, int expected, long deadlineNanos, Object what) {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                WaitSlices.checkInterrupt("wait", String.valueOf(what));
            }
            long slice = WaitSlices.next(deadlineNanos);
            if (slice <= 0) {
                return false;
            }
            int r = word.await(expected, slice);
            if (r == Attempt.DONE) {
                return true;
            }
            // TIMED_OUT at the end of a slice, or INTERRUPTED by a signal: go round with the time left.
        }
    }
}
