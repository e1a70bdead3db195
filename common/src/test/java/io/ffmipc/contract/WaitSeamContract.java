package io.ffmipc.contract;

import io.ffmipc.core.SeamWaits;
import io.ffmipc.spi.Attempt;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.core.Deadline;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.testkit.StructureMemory;
import io.ffmipc.spi.WaitSeam;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every provider's {@link WaitSeam} must do; the parking is checked between two processes. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class WaitSeamContract {

    protected abstract IpcPlatform platform();

    private WaitSeam seam() {
        return StructureMemory.seams(platform()).waitSeam().orElseThrow();
    }

    @Test
    void aChildParksOnTheWordAndTheParentWakesIt() {
        String name = TestNames.unique("seam");
        try (SharedMemory shm = platform().sharedMemory(name, OpenMode.CREATE, 4096);
             SharedWord word = seam().word(shm, 64)) {
            try (ChildJvm child = ChildJvm.start(WaitSeamChild.class, name)) {
                // The word never changes: only a wake the kernel delivers can end the child's wait,
                // and wake() reports a woken thread only once the child is really parked.
                long until = System.nanoTime() + 30_000_000_000L;
                int woken = 0;
                while (woken == 0 && System.nanoTime() < until) {
                    woken = word.wake(1);
                    if (woken == 0) {
                        sleep(10);
                    }
                }
                assertEquals(1, woken, "the child never parked; it said:\n" + child.output());
                child.assertSuccess(Duration.ofSeconds(30));
                assertTrue(child.output().contains("woken"), child.output());
                assertEquals(0, word.wake(1), "nobody is parked any more");
            }
        } finally {
            platform().removeSharedMemory(name);
        }
    }

    @Test
    void awaitReturnsFalseAtTheDeadlineNotBefore() {
        withWord(word -> {
            long t0 = System.nanoTime();
            assertFalse(SeamWaits.await(word, 0, Deadline.nanosAfter(Duration.ofMillis(200)), word));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 190_000_000L, "returned after only " + waited / 1_000_000 + " ms");
            assertFalse(SeamWaits.await(word, 0, Deadline.nanosAfter(Duration.ZERO), word));
        });
    }

    /** The seam itself: one attempt parks for at most the slice it is given, and says how it ended. */
    @Test
    void oneAttemptTimesOutAfterItsSliceOrReturnsDoneForAChangedWord() {
        withWord(word -> {
            long t0 = System.nanoTime();
            int r = word.await(0, 30_000_000L);
            long waited = System.nanoTime() - t0;
            assertTrue(r == Attempt.TIMED_OUT || r == Attempt.INTERRUPTED || r == Attempt.DONE, Attempt.describe(r));
            assertTrue(waited < 5_000_000_000L, "one attempt of 30 ms took " + waited / 1_000_000 + " ms");
            word.segment().set(ValueLayout.JAVA_INT, word.offset(), 9);
            assertEquals(Attempt.DONE, word.await(0, 5_000_000_000L), "a word that differs must not park");
        });
    }

    @Test
    void awaitReturnsAtOnceWhenTheWordDiffers() {
        withWord(word -> {
            word.segment().set(ValueLayout.JAVA_INT, word.offset(), 5);
            long t0 = System.nanoTime();
            assertTrue(SeamWaits.await(word, 0, Deadline.nanosAfter(Duration.ofSeconds(10)), word));
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "a mismatching word must not park");
            assertEquals(0, word.wake(3), "nobody parked");
        });
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        withWord(word -> {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    SeamWaits.await(word, 0, Deadline.FOREVER, word);
                } catch (Throwable x) {
                    thrown.set(x);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            t.start();
            sleep(150);
            t.interrupt();
            join(t);
            assertTrue(thrown.get() instanceof IpcInterruptedException, String.valueOf(thrown.get()));
            assertTrue(flag.get(), "the interrupt flag must stay set");
        });
    }

    @Test
    void misplacedWordsAreRefusedWithTheRule() {
        String name = TestNames.unique("seam");
        try (SharedMemory shm = platform().sharedMemory(name, OpenMode.CREATE, 4096)) {
            IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> seam().word(shm, 6));
            assertTrue(odd.getMessage().contains("aligned"), odd.getMessage());
            IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> seam().word(shm, 4096));
            assertTrue(out.getMessage().contains("does not fit"), out.getMessage());
            assertThrows(IllegalArgumentException.class, () -> seam().word(shm, -4));
            try (SharedWord word = seam().word(shm, 4092)) {
                assertThrows(IllegalArgumentException.class, () -> word.wake(0));
            }
        } finally {
            platform().removeSharedMemory(name);
        }
    }

    @Test
    void aClosedWordOrMemoryIsNotUsed() {
        String name = TestNames.unique("seam");
        try (SharedMemory shm = platform().sharedMemory(name, OpenMode.CREATE, 4096)) {
            SharedWord word = seam().word(shm, 0);
            word.close();
            word.close();
            assertThrows(IllegalStateException.class, () -> word.wake(1));
            assertThrows(IllegalStateException.class, () -> word.await(0, 1_000_000));
            SharedWord other = seam().word(shm, 4);
            shm.close();
            assertThrows(IllegalStateException.class, () -> other.wake(1));
            assertThrows(IllegalStateException.class, () -> other.await(0, 1_000_000));
            assertThrows(IllegalStateException.class, () -> seam().word(shm, 8));
        } finally {
            platform().removeSharedMemory(name);
        }
    }

    private interface WordTest {
        void run(SharedWord word);
    }

    private void withWord(WordTest test) {
        String name = TestNames.unique("seam");
        try (SharedMemory shm = platform().sharedMemory(name, OpenMode.CREATE, 4096);
             SharedWord word = seam().word(shm, 128)) {
            test.run(word);
        } finally {
            platform().removeSharedMemory(name);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void join(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertFalse(t.isAlive(), "the thread did not finish");
    }

    /** The public form of the seam: a word another process can sleep on, with a timeout and wakes. */
    @Test
    void aWaitWordSleepsUntilWokenOrTheTimeout() throws Exception {
        String name = TestNames.unique("waitword");
        try (SharedMemory shm = platform().sharedMemory(name, OpenMode.CREATE, 4096);
             io.ffmipc.WaitWord word = platform().waitWord(shm, 64)) {
            long t0 = System.nanoTime();
            assertFalse(word.await(0, Duration.ofMillis(150)), "nothing changed: the timeout");
            assertTrue(System.nanoTime() - t0 >= 145_000_000L);
            shm.segment().set(ValueLayout.JAVA_INT, 64, 1);
            assertTrue(word.await(0, Duration.ofSeconds(10)), "the word differs: no sleep");
            java.util.concurrent.CompletableFuture<Boolean> sleeper = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> word.await(1, Duration.ofSeconds(30)));
            Thread.sleep(100);
            shm.segment().set(ValueLayout.JAVA_INT, 64, 2);
            word.wakeAll();
            assertTrue(sleeper.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertThrows(IllegalArgumentException.class, () -> word.wake(0));
            assertThrows(IllegalArgumentException.class, () -> platform().waitWord(shm, 2));
        } finally {
            platform().removeSharedMemory(name);
        }
    }
}
