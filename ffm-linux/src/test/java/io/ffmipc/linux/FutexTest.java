package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public futex API: outcomes, checks, and a wake between threads on shared memory. */
@ExtendWith(LeakCheck.class)
class FutexTest {

    @Test
    void outcomesSayWhatHappened() throws Exception {
        String name = TestNames.unique("futex");
        try (SharedMemory shm = Ipc.platform().sharedMemory(name, OpenMode.CREATE, 4096)) {
            MemorySegment s = shm.segment();
            s.set(ValueLayout.JAVA_INT, 8, 7);
            assertEquals(Futex.Outcome.WOKEN, Futex.wait(s, 8, 0, Duration.ofSeconds(10)));
            long t0 = System.nanoTime();
            assertEquals(Futex.Outcome.TIMED_OUT, Futex.wait(s, 8, 7, Duration.ofMillis(120)));
            assertTrue(System.nanoTime() - t0 >= 115_000_000L);
            assertEquals(0, Futex.wake(s, 8, Integer.MAX_VALUE), "nobody waits");

            CompletableFuture<Futex.Outcome> waiter = CompletableFuture.supplyAsync(
                    () -> Futex.wait(s, 8, 7, Duration.ofSeconds(30)));
            int woken = 0;
            for (int i = 0; i < 3000 && woken == 0; i++) {
                woken = Futex.wake(s, 8, 1);
                if (woken == 0) {
                    Thread.sleep(1);
                }
            }
            assertEquals(1, woken);
            assertEquals(Futex.Outcome.WOKEN, waiter.get(10, TimeUnit.SECONDS));
        } finally {
            Ipc.platform().removeSharedMemory(name);
        }
    }

    @Test
    void badWordsAndCountsAreRefused() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(16, 8);
            IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                    () -> Futex.wait(s, 2, 0, Duration.ZERO));
            assertTrue(odd.getMessage().contains("not 4-byte aligned"), odd.getMessage());
            IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> Futex.wake(s, 16, 1));
            assertTrue(out.getMessage().contains("does not fit in the segment of 16 bytes"), out.getMessage());
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> Futex.wake(s, 0, 0));
            assertTrue(count.getMessage().contains("at least 1"), count.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Futex.wait(s, 0, 0, Duration.ofMillis(-1)));
            assertThrows(IllegalArgumentException.class, () -> Futex.wait(null, 0, 0, Duration.ZERO));
        }
        MemorySegment closed;
        try (Arena arena = Arena.ofConfined()) {
            closed = arena.allocate(16, 8);
        }
        assertThrows(IllegalStateException.class, () -> Futex.wake(closed, 0, 1));
    }
}
