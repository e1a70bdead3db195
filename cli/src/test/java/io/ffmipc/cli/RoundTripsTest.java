package io.ffmipc.cli;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundTripsTest {

    @Test
    void medianAndNearestRankP99() {
        long[] hundred = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();
        RoundTrips.Stats s = RoundTrips.stats(hundred);
        assertEquals(100, s.rounds());
        assertEquals(50, s.medianNanos()); // (50 + 51) / 2 in whole nanoseconds
        assertEquals(99, s.p99Nanos());
        RoundTrips.Stats odd = RoundTrips.stats(new long[] {3000, 1000, 2000});
        assertEquals(2000, odd.medianNanos());
        assertEquals(3000, odd.p99Nanos());
        assertEquals("3 round trips: median 2.0 µs, p99 3.0 µs", odd.toString());
    }

    @Test
    void spinFlagCountsSignalsAndTimesOut() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(64, 8);
            SpinFlag writer = new SpinFlag(m, 0);
            SpinFlag reader = new SpinFlag(m, 0);
            assertFalse(reader.await(Duration.ofMillis(20)), "nothing was signalled");
            writer.signal();
            writer.signal();
            assertTrue(reader.await(Duration.ZERO));
            assertTrue(reader.await(Duration.ZERO));
            assertFalse(reader.await(Duration.ofMillis(5)), "two signals, two waits");
            assertThrows(IllegalArgumentException.class, () -> new SpinFlag(m, 60));
        }
    }

    @Test
    void silentPeerIsATimeoutNamingTheRound() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(128, 8);
            TourSettings s = new TourSettings(3, 0, Duration.ofMillis(30));
            TourTimeoutException e = assertThrows(TourTimeoutException.class,
                    () -> RoundTrips.parent(s, new SpinFlag(m, 0), new SpinFlag(m, 64)));
            assertEquals("the peer did not answer ping 1 within 30 ms", e.getMessage());
        }
    }
}
