package io.ffmipc.spi;

/**
 * What a one-attempt wait returns when it did not succeed. Seams return these instead of
 * throwing, because they are normal outcomes that the portable loop above the seam acts on:
 * it waits again for the time left, gives up at its deadline, or reports the caller's timeout as
 * a result. Real failures are thrown as typed {@link io.ffmipc.IpcException}s.
 *
 * <p>All are negative so that a seam that returns a count or a size (never negative) can return
 * them in the same {@code long}.
 */
public final class Attempt {
    /** The operation happened (a unit taken, a message sent, a thread woken). */
    public static final int DONE = 0;
    /** The slice of time given to the attempt passed first. */
    public static final int TIMED_OUT = -100;
    /**
     * The wait ended early without a result (a signal, {@code EINTR}, a spurious wake-up): the
     * caller tries again with the time it has left.
     */
    public static final int INTERRUPTED = -101;
    /** The object is in non-blocking mode and the operation could not proceed at once. */
    public static final int WOULD_BLOCK = -102;

    private Attempt() {
    }

    /** The constant's name, for messages and tests. */
    public static String describe(long code) {
        return code == DONE ? "DONE" : code == TIMED_OUT ? "TIMED_OUT" : code == INTERRUPTED ? "INTERRUPTED"
                : code == WOULD_BLOCK ? "WOULD_BLOCK" : Long.toString(code);
    }
}
