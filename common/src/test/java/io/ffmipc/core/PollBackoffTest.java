package io.ffmipc.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollBackoffTest {

    @Test
    void yieldsFirstThenParksDoublingUpToTheMaximum() {
        long s = PollBackoff.START;
        for (int i = 0; i < PollBackoff.YIELD_POLLS - 1; i++) {
            s = PollBackoff.next(s);
            assertTrue(s < 0, "pause " + i + " still yields");
        }
        s = PollBackoff.next(s);
        assertEquals(PollBackoff.FIRST_PARK_NANOS, s, "then the first park");
        assertEquals(2 * PollBackoff.FIRST_PARK_NANOS, PollBackoff.next(s));
        long capped = s;
        for (int i = 0; i < 20; i++) {
            capped = PollBackoff.next(capped);
        }
        assertEquals(PollBackoff.MAX_PARK_NANOS, capped);
    }

    @Test
    void aParkNeverOutlastsTheDeadline() {
        long deadline = Deadline.nanosAfter(Duration.ofMillis(1));
        long start = System.nanoTime();
        assertEquals(PollBackoff.MAX_PARK_NANOS, PollBackoff.pause(PollBackoff.MAX_PARK_NANOS, deadline));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(500).toNanos(), "parked past a 1 ms deadline");
        long passed = Deadline.nanosAfter(Duration.ZERO);
        start = System.nanoTime();
        PollBackoff.pause(PollBackoff.MAX_PARK_NANOS, passed);
        assertTrue(System.nanoTime() - start < Duration.ofMillis(500).toNanos(), "parked after the deadline");
    }
}
