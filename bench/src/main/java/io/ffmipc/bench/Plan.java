package io.ffmipc.bench;

import java.time.Duration;

/**
 * How long each phase runs: every phase (8 B ping-pong, 1 KiB ping-pong, 64 B stream) is warmed
 * up for {@code warmup} and then measured for {@code measure}.
 *
 * @param fastStart start peer JVMs for a quick start rather than top speed (C1 only, serial GC):
 *                  for the smoke plan, whose point is that every mechanism works, not its numbers
 */
public record Plan(String name, Duration warmup, Duration measure, int rounds, boolean fastStart) {

    public Plan {
        if (warmup.isNegative() || measure.isNegative() || measure.isZero() || rounds < 1) {
            throw new IllegalArgumentException("plan " + name + ": warm-up ≥ 0, measure > 0 and at least 1 round are required");
        }
    }

    /** A fraction of a second per mechanism: proves every mechanism works, numbers are rough. */
    public static Plan smoke() {
        return new Plan("smoke", Duration.ofMillis(10), Duration.ofMillis(20), 1, true);
    }

    /** A few seconds per mechanism. */
    public static Plan quick() {
        return new Plan("quick", Duration.ofMillis(100), Duration.ofMillis(300), 3, false);
    }

    /** The full benchmark. */
    public static Plan full() {
        return new Plan("full", Duration.ofMillis(300), Duration.ofSeconds(1), 5, false);
    }

    public Plan withRounds(int n) {
        return new Plan(name, warmup, measure, n, fastStart);
    }

    long warmupNanos() {
        return warmup.toNanos();
    }

    long measureNanos() {
        return measure.toNanos();
    }
}
