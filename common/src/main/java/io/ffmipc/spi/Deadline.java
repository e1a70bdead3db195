package io.ffmipc.spi;

import java.time.Duration;

/**
 * A point in time a blocking call must return by, on the monotonic clock. Retrying after
 * {@code EINTR} waits only for {@link #remainingNanos()}, so interruptions never stretch a timeout.
 */
public final class Deadline {
    private static final long FOREVER = Long.MAX_VALUE;
    private final long deadlineNanos;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A deadline {@code timeout} from now; {@code null} means wait forever. Negative timeouts are rejected. */
    public static Deadline after(Duration timeout) {
        if (timeout == null) {
            return new Deadline(FOREVER);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return new Deadline(FOREVER);
        }
        long now = System.nanoTime();
        long at = now + nanos;
        return new Deadline(at < now ? FOREVER : at); // overflow → forever
    }

    /** No deadline at all. */
    public static Deadline never() {
        return new Deadline(FOREVER);
    }

    public boolean isForever() {
        return deadlineNanos == FOREVER;
    }

    /** Nanoseconds left, 0 once passed; {@link Long#MAX_VALUE} if forever. */
    public long remainingNanos() {
        if (isForever()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    public boolean expired() {
        return remainingNanos() == 0;
    }
}
