package io.ffmipc.core;

import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.testkit.ArenaSharedMemory;
import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait seam the core polls with where a provider has none (macOS before 14.4): one attempt per call, like every seam. */
class PollingWaitSeamTest {

    @Test
    void aChangedWordEndsTheAttemptAndAnUnchangedOneTimesOutAfterItsSlice() {
        try (ArenaSharedMemory shm = new ArenaSharedMemory("w", 64);
             SharedWord word = PollingWaitSeam.INSTANCE.word(shm, 8)) {
            long t0 = System.nanoTime();
            assertEquals(Attempt.TIMED_OUT, word.await(0, 30_000_000L));
            assertTrue(System.nanoTime() - t0 >= 30_000_000L, "returned before its slice ended");
            shm.segment().set(ValueLayout.JAVA_INT, 8, 5);
            assertEquals(Attempt.DONE, word.await(0, 5_000_000_000L));
            assertEquals(0, word.wake(3), "nobody is parked in a kernel");
        }
    }

    @Test
    void anotherThreadsChangeIsSeenWithinTheBackOff() throws Exception {
        try (ArenaSharedMemory shm = new ArenaSharedMemory("w", 64);
             SharedWord word = PollingWaitSeam.INSTANCE.word(shm, 0)) {
            CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                long deadline = Deadline.nanosAfter(Duration.ofSeconds(10));
                assertTrue(SeamWaits.await(word, 0, deadline, "w"));
                return System.nanoTime() - t0;
            });
            Thread.sleep(100);
            long changed = System.nanoTime();
            shm.segment().set(ValueLayout.JAVA_INT, 0, 1);
            long took = waited.get(10, TimeUnit.SECONDS);
            long late = System.nanoTime() - changed;
            assertTrue(took >= 90_000_000L && late < 1_000_000_000L, "waited " + took / 1_000_000 + " ms");
        }
    }

    @Test
    void anInterruptEndsTheAttemptAndStaysSet() throws Exception {
        try (ArenaSharedMemory shm = new ArenaSharedMemory("w", 64);
             SharedWord word = PollingWaitSeam.INSTANCE.word(shm, 0)) {
            Thread.currentThread().interrupt();
            try {
                assertEquals(Attempt.INTERRUPTED, word.await(0, 5_000_000_000L));
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void misplacedClosedAndUnmappedWordsAreRefused() {
        ArenaSharedMemory shm = new ArenaSharedMemory("w", 64);
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> PollingWaitSeam.INSTANCE.word(shm, 6));
        assertTrue(odd.getMessage().contains("aligned"), odd.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> PollingWaitSeam.INSTANCE.word(shm, 64));
        assertTrue(out.getMessage().contains("does not fit"), out.getMessage());
        SharedWord word = PollingWaitSeam.INSTANCE.word(shm, 60);
        assertThrows(IllegalArgumentException.class, () -> word.wake(0));
        word.close();
        assertThrows(IllegalStateException.class, () -> word.await(0, 1_000));
        assertThrows(IllegalStateException.class, () -> word.wake(1));
        SharedWord other = PollingWaitSeam.INSTANCE.word(shm, 0);
        shm.close();
        assertThrows(IllegalStateException.class, () -> other.await(0, 1_000));
        assertThrows(IllegalStateException.class, () -> other.wake(1));
        assertThrows(IllegalStateException.class, () -> PollingWaitSeam.INSTANCE.word(shm, 0));
        assertFalse(other.toString().isEmpty());
    }
}
