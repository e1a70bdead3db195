package io.ffmipc.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {

    private static void check(String expected, Duration d) {
        assertEquals(expected, Durations.format(d), d.toString());
    }

    @Test
    void belowAMinuteOneUnitWithAtMostThreeDecimals() {
        check("5 ms", Duration.ofMillis(5));
        check("1.5 s", Duration.ofMillis(1500));
        check("10 s", Duration.ofSeconds(10));
        check("999 ms", Duration.ofMillis(999));
        check("250 µs", Duration.ofNanos(250_000));
        check("1.5 µs", Duration.ofNanos(1500));
        check("12 ns", Duration.ofNanos(12));
        check("1 ns", Duration.ofNanos(1));
        check("1.235 ms", Duration.ofNanos(1_234_500), "half up");
        check("59.999 s", Duration.ofMillis(59_999));
    }

    private static void check(String expected, Duration d, String why) {
        assertEquals(expected, Durations.format(d), why + ": " + d);
    }

    @Test
    void roundingUpMovesToTheNextUnit() {
        check("1 s", Duration.ofNanos(999_999_600), "999.9996 ms");
        check("1 ms", Duration.ofNanos(999_600), "999.6 µs");
        check("1 min", Duration.ofNanos(59_999_600_000L), "59.9996 s");
    }

    @Test
    void fromAMinuteWholeUnitsWithoutTheZeroParts() {
        check("1 min", Duration.ofSeconds(60));
        check("2 min", Duration.ofMinutes(2));
        check("1 min 30 s", Duration.ofSeconds(90));
        check("1 min 0.5 s", Duration.ofMillis(60_500));
        check("1 h", Duration.ofHours(1));
        check("2 h 30 min", Duration.ofMinutes(150));
        check("1 h 5 s", Duration.ofSeconds(3605));
        check("1 d 2 h", Duration.ofHours(26));
    }

    @Test
    void zeroAndNegative() {
        check("0 s", Duration.ZERO);
        check("-5 ms", Duration.ofMillis(-5), "PT-0.005S");
        check("-2 min", Duration.ofMinutes(-2));
    }

    @Test
    void extremesDoNotOverflow() {
        check("106751991167300 d 15 h 30 min 7.999 s", Duration.ofSeconds(Long.MAX_VALUE, 999_000_000));
        check("-106751991167300 d 15 h 30 min 8 s", Duration.ofSeconds(Long.MIN_VALUE));
        assertThrows(NullPointerException.class, () -> Durations.format(null));
    }
}
