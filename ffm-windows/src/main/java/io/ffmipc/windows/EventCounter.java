package io.ffmipc.windows;

import io.ffmipc.EventMode;
import io.ffmipc.IpcLimitException;
import io.ffmipc.spi.Attempt;

/**
 * The protocol of an unnamed {@link io.ffmipc.Event} on Windows, over one unnamed semaphore: a
 * child inherits or a peer is handed one HANDLE, so the whole event must be one kernel object, and
 * a semaphore is a counter that waits. A signal of {@code n} releases {@code n} units; SEMAPHORE mode
 * takes one unit per wait; COUNTER mode takes one by waiting and then every unit pending now
 * (WaitForSingleObject with no wait, until none is left): what eventfd's counter gives at once. Two
 * processes that take at the same time each get a share and no unit twice: every take is one
 * atomic kernel operation. Limits: the count is a LONG (at most {@value #MAX_COUNT}, where eventfd
 * allows 2^64 - 2; more is refused as {@link IpcLimitException}), and a COUNTER wait costs one call
 * per pending signal.
 */
final class EventCounter {
    /** The semaphore's maximum count: LONG_MAX, the largest CreateSemaphoreW accepts. */
    static final int MAX_COUNT = Integer.MAX_VALUE;

    /** The semaphore's calls. */
    interface Units {
        /** Takes one unit if one is there (WaitForSingleObject with 0 ms). */
        boolean tryTake();

        /** Waits at most {@code millis} for one unit and takes it. */
        boolean take(int millis);

        /** Adds {@code count} units (ReleaseSemaphore); {@link IpcLimitException} past the maximum. */
        void add(int count);
    }

    private EventCounter() {
    }

    /** Adds {@code count} (at least 1) signals. */
    static void signal(Units units, long count, String label) {
        if (count > MAX_COUNT) {
            throw new IpcLimitException("signal event", label, null, "a Windows event counts at most " + MAX_COUNT
                    + " pending signals (its semaphore's maximum count); " + count + " at once is more");
        }
        units.add((int) count);
    }

    /** Takes what the mode takes of what is pending now: the number taken, 0 if nothing was pending. */
    static long poll(Units units, EventMode mode) {
        if (mode == EventMode.SEMAPHORE) {
            return units.tryTake() ? 1 : 0;
        }
        return drain(units, 0);
    }

    /**
     * Waits at most {@code nanos} for a signal and takes by the mode: the number taken (at least 1),
     * or {@link Attempt#TIMED_OUT}.
     */
    static long await(Units units, EventMode mode, long nanos) {
        if (!units.take(millisRoundedUp(nanos))) {
            return Attempt.TIMED_OUT;
        }
        return mode == EventMode.SEMAPHORE ? 1 : drain(units, 1);
    }

    private static long drain(Units units, long taken) {
        while (units.tryTake()) {
            taken++;
        }
        return taken;
    }

    /**
     * Milliseconds for a wait of {@code nanos}: rounded up, so a wait never ends before its time, and
     * at most Integer.MAX_VALUE, so it never reads as INFINITE (0xFFFFFFFF).
     */
    static int millisRoundedUp(long nanos) {
        long ms = nanos <= 0 ? 0 : (nanos - 1) / 1_000_000L + 1; // no overflow near Long.MAX_VALUE
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }
}
