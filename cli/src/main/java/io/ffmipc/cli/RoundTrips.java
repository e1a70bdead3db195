package io.ffmipc.cli;

import io.ffmipc.spi.Durations;

import java.time.Duration;
import java.util.Arrays;

/**
 * Ping-pong between the tour and its peer over a pair of {@link Signal}s, timed per round trip.
 * Both sides run {@code warmup + rounds} exchanges; only the last {@code rounds} are measured.
 */
final class RoundTrips {

    /** The figures of one ping-pong. */
    record Stats(int rounds, long medianNanos, long p99Nanos) {
        @Override
        public String toString() {
            return rounds + " round trips: median " + micros(medianNanos) + " µs, p99 " + micros(p99Nanos) + " µs";
        }

        private static String micros(long nanos) {
            return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1000.0);
        }
    }

    private RoundTrips() {
    }

    /** The tour's side: signal, then wait for the answer; throws {@link TourTimeoutException} if the peer is silent. */
    static Stats parent(TourSettings s, Signal toPeer, Signal fromPeer) {
        for (int i = 0; i < s.warmup(); i++) {
            exchange(toPeer, fromPeer, s.timeout(), i);
        }
        long[] nanos = new long[s.rounds()];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            exchange(toPeer, fromPeer, s.timeout(), s.warmup() + i);
            nanos[i] = System.nanoTime() - t0;
        }
        return stats(nanos);
    }

    /** The peer's side: wait, then answer, as often as the tour asks. */
    static void peer(TourSettings s, Signal fromParent, Signal toParent) {
        int total = s.warmup() + s.rounds();
        for (int i = 0; i < total; i++) {
            if (!fromParent.await(s.timeout())) {
                throw new TourTimeoutException("the tour sent no ping " + (i + 1) + " of " + total + " within " + Durations.format(s.timeout()));
            }
            toParent.signal();
        }
    }

    private static void exchange(Signal toPeer, Signal fromPeer, Duration timeout, int i) {
        toPeer.signal();
        if (!fromPeer.await(timeout)) {
            throw new TourTimeoutException("the peer did not answer ping " + (i + 1) + " within " + Durations.format(timeout));
        }
    }

    /** Median and 99th percentile (nearest rank) of these samples. */
    static Stats stats(long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        long p99 = sorted[(int) Math.ceil(0.99 * n) - 1];
        return new Stats(n, median, p99);
    }
}
