package io.ffmipc.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;

/**
 * What one round of one mechanism measured: round-trip times in nanoseconds and the stream's
 * messages per second.
 *
 * @param samples measured 8-byte round trips
 */
public record Figures(double rtt8p50, double rtt8p90, double rtt8p99, double rtt8p999, double rtt1kP50,
                      double throughput, long samples) {

    static Figures of(Histogram small, Histogram large, double throughput) {
        return new Figures(small.getValueAtPercentile(50), small.getValueAtPercentile(90),
                small.getValueAtPercentile(99), small.getValueAtPercentile(99.9),
                large.getValueAtPercentile(50), throughput, small.getTotalCount());
    }

    /** The median of each figure across rounds. */
    static Figures median(List<Figures> rounds) {
        return new Figures(Stats.median(rounds, Figures::rtt8p50), Stats.median(rounds, Figures::rtt8p90),
                Stats.median(rounds, Figures::rtt8p99), Stats.median(rounds, Figures::rtt8p999),
                Stats.median(rounds, Figures::rtt1kP50), Stats.median(rounds, Figures::throughput),
                (long) Stats.median(rounds, f -> f.samples()));
    }

    /** Median helpers. */
    static final class Stats {
        private Stats() {
        }

        static <T> double median(List<T> items, ToDoubleFunction<T> value) {
            double[] v = items.stream().mapToDouble(value).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
    }
}
