package io.ffmipc.core;

import io.ffmipc.IpcInterruptedException;

/**
 * The pause between attempts at something the OS cannot wait for: opening a FIFO's write end
 * before a reader exists, connecting before a server listens. Short enough that the peer's arrival
 * is noticed within a few milliseconds, long enough that a long wait costs little; never past the
 * deadline, and ended by a Java interrupt.
 */
public final class RetryPause {
    /** The longest pause between two attempts. */
    public static final long MAX_MILLIS = 5;

    private RetryPause() {
    }

    /**
     * Sleeps until the next attempt: at most {@link #MAX_MILLIS}, at least 1 ms, never much past
     * {@code deadlineNanos} (a primitive {@link Deadline}).
     *
     * @throws IpcInterruptedException if the thread is interrupted (the flag stays set)
     */
    public static void pause(long deadlineNanos, String operation, String objectName) {
        WaitSlices.checkInterrupt(operation, objectName);
        long millis = Math.min(MAX_MILLIS, Math.max(1, Deadline.remainingNanos(deadlineNanos) / 1_000_000));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpcInterruptedException(operation, objectName);
        }
    }
}
