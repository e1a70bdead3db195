package io.ffmipc.core;

import io.ffmipc.spi.Durations;
import java.time.Duration;

/**
 * A point in time a blocking call must return by, on the monotonic clock. Retrying after
 * {@code EINTR} waits only for {@link #remainingNanos()}, so interruptions never stretch a timeout.
 *
 * <p>Hot paths (acquire, wait, send, receive) must not allocate, and a {@code Deadline} handed to
 * a wait loop that is too big to inline escapes, so escape analysis cannot remove it. They use the
 * primitive form instead: {@link #nanosAfter(Duration)} gives the instant as a {@code long} on
 * the {@link System#nanoTime()} clock ({@link #FOREVER} for no limit) and the static
 * {@link #remainingNanos(long)} / {@link #expired(long)} read it; a {@code Deadline} object is that
 * same {@code long}, wrapped ({@link #atNanos()}).
 */
public final class Deadline {
    /** The primitive deadline that never passes. */
    public static final long FOREVER = Long.MAX_VALUE;
    /** The longest wait {@link #lengthNanos} gives (about 146 years): taken as no limit. */
    public static final long LONGEST = Long.MAX_VALUE / 2;
    private final long deadlineNanos;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A deadline {@code timeout} from now; {@code null} means wait forever. Negative timeouts are rejected. */
    public static Deadline after(Duration timeout) {
        return new Deadline(nanosAfter(timeout));
    }

    /**
     * The primitive form of {@link #after}: the {@link System#nanoTime()} instant {@code timeout}
     * from now, or {@link #FOREVER} ({@code null}, or too far away to represent). Allocates nothing.
     */
    public static long nanosAfter(Duration timeout) {
        long nanos = lengthNanos(timeout);
        return nanos == LONGEST ? FOREVER : nanosFromNow(nanos);
    }

    /**
     * A wait's length in nanoseconds: {@code null} and lengths too long to represent become
     * {@link #LONGEST}, so that adding the length to a {@link System#nanoTime()} reading cannot
     * overflow and {@code now - deadline} comparisons stay right. Negative timeouts are rejected,
     * naming the length. Allocates nothing (the ring paths call it per operation).
     */
    public static long lengthNanos(Duration timeout) {
        if (timeout == null) {
            return LONGEST;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + Durations.format(timeout));
        }
        try {
            return Math.min(timeout.toNanos(), LONGEST);
        } catch (ArithmeticException tooLong) {
            return LONGEST;
        }
    }

    /** The primitive deadline {@code nanos} (not negative) from now; {@link #FOREVER} on overflow. */
    public static long nanosFromNow(long nanos) {
        long now = System.nanoTime();
        long at = now + nanos;
        return at < now ? FOREVER : at; // overflow → forever
    }

    /** No deadline at all. */
    public static Deadline never() {
        return new Deadline(FOREVER);
    }

    public boolean isForever() {
        return deadlineNanos == FOREVER;
    }

    /** This deadline in primitive form (see the class comment). */
    public long atNanos() {
        return deadlineNanos;
    }

    /** Nanoseconds left, 0 once passed; {@link Long#MAX_VALUE} if forever. */
    public long remainingNanos() {
        return remainingNanos(deadlineNanos);
    }

    public boolean expired() {
        return expired(deadlineNanos);
    }

    /** Nanoseconds left until the primitive deadline {@code at}, 0 once passed; {@link Long#MAX_VALUE} if forever. */
    public static long remainingNanos(long at) {
        if (at == FOREVER) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, at - System.nanoTime());
    }

    /** Whether the primitive deadline {@code at} has passed. */
    public static boolean expired(long at) {
        return remainingNanos(at) == 0;
    }
}
