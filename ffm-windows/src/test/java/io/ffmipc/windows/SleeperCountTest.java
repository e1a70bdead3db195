package io.ffmipc.windows;

import io.ffmipc.spi.Attempt;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait word's protocol: a counted sleeper is never missed, and a wake with no sleeper releases nothing. */
class SleeperCountTest {

    private static final class Units implements SleeperCount.Semaphore {
        final Semaphore s = new Semaphore(0);
        final AtomicInteger releases = new AtomicInteger();

        @Override
        public boolean take(int millis) {
            try {
                return s.tryAcquire(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void release(int count) {
            releases.incrementAndGet();
            s.release(count);
        }
    }

    @Test
    void aWakeWithNobodyAsleepMakesNoCall() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment counter = arena.allocate(4);
            Units u = new Units();
            assertEquals(0, SleeperCount.wake(counter, Integer.MAX_VALUE, u));
            counter.set(ValueLayout.JAVA_INT, 0, -5); // garbage from another process
            assertEquals(0, SleeperCount.wake(counter, 1, u));
            assertEquals(0, u.releases.get());
        }
    }

    @Test
    void aWordThatDiffersDoesNotSleepAndTheCountIsGivenBack() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment counter = arena.allocate(4);
            MemorySegment word = arena.allocate(64);
            word.set(ValueLayout.JAVA_INT, 8, 5);
            long t0 = System.nanoTime();
            assertEquals(Attempt.DONE, SleeperCount.await(counter, word, 8, 0, 5_000_000_000L, new Units()));
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
            assertEquals(0, counter.get(ValueLayout.JAVA_INT, 0));
            assertEquals(Attempt.TIMED_OUT, SleeperCount.await(counter, word, 8, 5, 20_000_000L, new Units()));
            assertEquals(0, counter.get(ValueLayout.JAVA_INT, 0));
        }
    }

    /** wakeAll releases as many units as there are sleepers, not Integer.MAX_VALUE. */
    @Test
    void aWakeReleasesAtMostOneUnitPerSleeper() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment counter = arena.allocate(4);
            MemorySegment word = arena.allocate(4);
            Units u = new Units();
            Thread[] sleepers = new Thread[3];
            AtomicInteger woken = new AtomicInteger();
            for (int i = 0; i < sleepers.length; i++) {
                sleepers[i] = Thread.ofPlatform().start(() -> {
                    if (SleeperCount.await(counter, word, 0, 0, 10_000_000_000L, u) == Attempt.DONE) {
                        woken.incrementAndGet();
                    }
                });
            }
            while (counter.get(ValueLayout.JAVA_INT, 0) < 3) {
                Thread.onSpinWait();
            }
            word.set(ValueLayout.JAVA_INT, 0, 1);
            assertEquals(3, SleeperCount.wake(counter, Integer.MAX_VALUE, u));
            for (Thread t : sleepers) {
                t.join(5_000);
            }
            assertEquals(3, woken.get());
            assertEquals(0, u.s.availablePermits(), "no unit left over for a later sleeper");
        }
    }

    /**
     * Many rounds of "change the word, wake" against "sleep while the word is unchanged": a sleeper
     * that missed its wake would sleep out its full 10 s and the test would take minutes.
     */
    @Test
    void noWakeUpIsLost() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment counter = arena.allocate(4);
            MemorySegment word = arena.allocate(4);
            Units u = new Units();
            int rounds = 20_000;
            AtomicLong longest = new AtomicLong();
            Thread sleeper = Thread.ofPlatform().start(() -> {
                for (int seen = 0; seen < rounds; ) {
                    int now = word.get(ValueLayout.JAVA_INT, 0);
                    if (now != seen) {
                        seen = now;
                        continue;
                    }
                    long t0 = System.nanoTime();
                    SleeperCount.await(counter, word, 0, seen, 10_000_000_000L, u);
                    longest.accumulateAndGet(System.nanoTime() - t0, Math::max);
                }
            });
            for (int i = 1; i <= rounds; i++) {
                word.set(ValueLayout.JAVA_INT, 0, i);
                SleeperCount.wake(counter, 1, u);
                if ((i & 63) == 0) {
                    Thread.yield();
                }
            }
            sleeper.join(60_000);
            assertTrue(!sleeper.isAlive(), "the sleeper did not see every round");
            assertTrue(longest.get() < 5_000_000_000L, "a wake-up was lost: one sleep took " + longest.get() / 1_000_000 + " ms");
        }
    }
}
