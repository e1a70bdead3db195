package io.ffmipc.core;

import java.util.concurrent.locks.LockSupport;

/**
 * Waiting by polling, for OS calls that have no timed form and cannot be interrupted from Java
 * (System V {@code msgsnd}/{@code msgrcv} on Linux and macOS): between two non-blocking tries the
 * caller pauses with {@link #pause}. The first {@value #YIELD_POLLS} pauses only yield the CPU
 * (tens of microseconds in all: an answer that close is seen without a park, whose timer overshoots
 * by about 50 µs); then parks start at {@value #FIRST_PARK_NANOS} ns and double up to
 * {@value #MAX_PARK_NANOS} ns, never past the deadline. The state is one primitive, so a wait
 * allocates nothing: start with {@link #START} and feed back what {@link #pause} returns.
 */
public final class PollBackoff {
    /** Pauses that yield before the first park. */
    public static final int YIELD_POLLS = 64;
    /** The first park, in nanoseconds. */
    public static final long FIRST_PARK_NANOS = 20_000L;
    /** The longest park, in nanoseconds: the worst extra latency of a long wait. */
    public static final long MAX_PARK_NANOS = 2_000_000L;
    /** The state a wait starts in: negative values count the yielding pauses left. */
    public static final long START = -YIELD_POLLS;

    private PollBackoff() {
    }

    /**
     * One pause in state {@code state}, ending by {@code deadlineNanos} (a primitive {@link Deadline});
     * returns the next state. Interrupts and closed objects are the caller's to check around it.
     */
    public static long pause(long state, long deadlineNanos) {
        if (state < 0) {
            Thread.yield();
            return next(state);
        }
        LockSupport.parkNanos(Math.min(state, Deadline.remainingNanos(deadlineNanos)));
        return next(state);
    }

    /** The state after one pause in {@code state}. */
    static long next(long state) {
        if (state < 0) {
            return state + 1 < 0 ? state + 1 : FIRST_PARK_NANOS;
        }
        return Math.min(state * 2, MAX_PARK_NANOS);
    }
}
