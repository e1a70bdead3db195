package io.ffmipc.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Durations in messages, written as people write them: {@code 5 ms}, {@code 1.5 s}, {@code 250 µs},
 * {@code 2 min}, {@code 1 min 30 s}, {@code 2 h 30 min}, {@code -5 ms} — never
 * {@link Duration#toString()}'s {@code PT-0.005S}. Every message of the library and the command that
 * prints a {@link Duration} goes through {@link #format(Duration)}.
 *
 * <p>Below a minute one unit is used (ns, µs, ms or s), the largest in which the value is at least 1,
 * with at most three decimals (rounded half up, trailing zeros dropped). From a minute on the value is
 * split into whole days, hours and minutes and the seconds left (to the millisecond), leaving out
 * parts that are zero.
 */
public final class Durations {
    private static final BigDecimal MINUTE = BigDecimal.valueOf(60);
    private static final long[] COMPOSITE_SECONDS = {86_400, 3_600, 60};
    private static final String[] COMPOSITE_UNITS = {"d", "h", "min"};
    private static final String[] SMALL_UNITS = {"s", "ms", "µs", "ns"};

    private Durations() {
    }

    /** The duration as people write it, such as {@code 5 ms}, {@code 1.5 s} or {@code 2 min}. */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        // Exact: Duration.MIN cannot be negated as a Duration, but its BigDecimal can.
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
        String sign = seconds.signum() < 0 ? "-" : "";
        BigDecimal abs = seconds.abs();
        if (abs.signum() == 0) {
            return "0 s";
        }
        if (abs.compareTo(MINUTE) < 0) {
            // s, then ms, µs, ns: the first unit in which the rounded value is at least 1. (If it was
            // below 0.9995 in the unit before, it is below 999.5 here, so it never rounds to 1000.)
            for (int i = 0; i < SMALL_UNITS.length; i++) {
                BigDecimal v = abs.movePointRight(3 * i).setScale(3, RoundingMode.HALF_UP);
                if (v.compareTo(BigDecimal.ONE) >= 0 || i == SMALL_UNITS.length - 1) {
                    if (i == 0 && v.compareTo(MINUTE) >= 0) {
                        break; // 59.9996 s rounds to a minute
                    }
                    return sign + plain(v) + " " + SMALL_UNITS[i];
                }
            }
        }
        return sign + composite(abs.setScale(3, RoundingMode.HALF_UP));
    }

    private static String composite(BigDecimal seconds) {
        StringBuilder sb = new StringBuilder();
        BigDecimal left = seconds;
        for (int i = 0; i < COMPOSITE_SECONDS.length; i++) {
            BigDecimal unit = BigDecimal.valueOf(COMPOSITE_SECONDS[i]);
            BigDecimal[] qr = left.divideAndRemainder(unit);
            if (qr[0].signum() > 0) {
                append(sb, qr[0].toBigInteger().toString(), COMPOSITE_UNITS[i]);
            }
            left = qr[1];
        }
        if (left.signum() > 0) {
            append(sb, plain(left), "s");
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String value, String unit) {
        if (!sb.isEmpty()) {
            sb.append(' ');
        }
        sb.append(value).append(' ').append(unit);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
