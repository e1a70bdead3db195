package io.ffmipc.core;

import io.ffmipc.IpcInterruptedException;

/**
 * How blocking calls stay interruptible: the OS wait (sem_clockwait, semtimedop, poll) cannot see
 * a Java interrupt, so a wait runs in slices of at most {@link #MAX_SLICE_NANOS} and checks the
 * thread's interrupt flag (and whether its object was closed) between slices. A Java interrupt
 * therefore ends a wait within one slice.
 */
public final class WaitSlices {
    /** Longest single OS wait: 50 ms, the worst-case delay before an interrupt or close is noticed. */
    public static final long MAX_SLICE_NANOS = 50_000_000L;

    private WaitSlices() {
    }

    /** Nanoseconds to wait in the next slice: what is left of the deadline, at most one slice. */
    public static long next(Deadline deadline) {
        return next(deadline.atNanos());
    }

    /** {@link #next(Deadline)} for a primitive deadline ({@link Deadline#nanosAfter}). */
    public static long next(long deadlineNanos) {
        return Math.min(Deadline.remainingNanos(deadlineNanos), MAX_SLICE_NANOS);
    }

    /** The next slice in whole milliseconds, rounded up so a poll never returns before the deadline. */
    public static int nextMillis(Deadline deadline) {
        return nextMillis(deadline.atNanos());
    }

    /** {@link #nextMillis(Deadline)} for a primitive deadline. */
    public static int nextMillis(long deadlineNanos) {
        return (int) ((next(deadlineNanos) + 999_999L) / 1_000_000L);
    }

    /**
     * Throws {@link IpcInterruptedException} if the current thread is interrupted. The flag stays
     * set, so callers further up still see the interrupt.
     */
    public static void checkInterrupt(String operation, String objectName) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IpcInterruptedException(operation, objectName);
        }
    }
}
