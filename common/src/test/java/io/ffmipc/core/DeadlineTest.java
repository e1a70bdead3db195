package io.ffmipc.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineTest {

    @Test
    void nullMeansForever() {
        Deadline d = Deadline.after(null);
        assertTrue(d.isForever());
        assertEquals(Long.MAX_VALUE, d.remainingNanos());
        assertFalse(d.expired());
    }

    @Test
    void neverIsForever() {
        assertTrue(Deadline.never().isForever());
        assertEquals(Long.MAX_VALUE, Deadline.never().remainingNanos());
    }

    @Test
    void negativeIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Deadline.after(Duration.ofMillis(-5)));
        assertEquals("timeout must not be negative, got -5 ms", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Deadline.after(Duration.ofNanos(-1)));
    }

    @Test
    void zeroHasExpiredAtOnce() {
        Deadline d = Deadline.after(Duration.ZERO);
        assertFalse(d.isForever());
        assertTrue(d.expired());
        assertEquals(0, d.remainingNanos());
    }

    @Test
    void durationsBeyondLongNanosAreForeverNotNegative() {
        Deadline d = Deadline.after(Duration.ofSeconds(Long.MAX_VALUE));
        assertTrue(d.isForever());
        assertFalse(d.expired());
        assertTrue(Deadline.after(ChronoUnit.FOREVER.getDuration()).isForever());
    }

    @Test
    void durationsThatOverflowTheClockDoNotExpire() {
        // Long.MAX_VALUE ns fits a long, but nanoTime() + it may wrap around.
        Deadline d = Deadline.after(Duration.ofNanos(Long.MAX_VALUE));
        assertFalse(d.expired());
        assertTrue(d.remainingNanos() > Duration.ofDays(365 * 200).toNanos(), Long.toString(d.remainingNanos()));
        Deadline e = Deadline.after(Duration.ofNanos(Long.MAX_VALUE - 1));
        assertFalse(e.expired());
        assertTrue(e.remainingNanos() > 0);
    }

    @Test
    void longButFiniteDeadlineKeepsItsLength() {
        Duration year = Duration.ofDays(365);
        Deadline d = Deadline.after(year);
        assertFalse(d.isForever());
        long remaining = d.remainingNanos();
        assertTrue(remaining <= year.toNanos() && remaining > year.toNanos() - Duration.ofMinutes(1).toNanos(),
                Long.toString(remaining));
    }

    @Test
    void remainingDecreasesAndReachesZero() throws InterruptedException {
        Duration timeout = Duration.ofMillis(150);
        Deadline d = Deadline.after(timeout);
        long first = d.remainingNanos();
        assertTrue(first <= timeout.toNanos() && first > 0, Long.toString(first));
        Thread.sleep(20);
        long second = d.remainingNanos();
        assertTrue(second < first, second + " !< " + first);
        assertTrue(first - second >= Duration.ofMillis(20).toNanos(), "slept 20 ms, remaining fell by " + (first - second));
        Thread.sleep(Duration.ofNanos(second).plusMillis(10));
        assertEquals(0, d.remainingNanos());
        assertTrue(d.expired());
    }
}
