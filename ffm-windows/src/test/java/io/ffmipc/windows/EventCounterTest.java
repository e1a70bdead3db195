package io.ffmipc.windows;

import io.ffmipc.EventMode;
import io.ffmipc.IpcLimitException;
import io.ffmipc.spi.Attempt;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unnamed event's protocol over a semaphore, against a Java semaphore standing in for the kernel's. */
class EventCounterTest {

    /** A semaphore with the Windows maximum, as CreateSemaphoreW(…, 0, LONG_MAX, NULL) makes one. */
    private static final class Units implements EventCounter.Units {
        final Semaphore s = new Semaphore(0);
        final AtomicLong takes = new AtomicLong();

        @Override
        public boolean tryTake() {
            takes.incrementAndGet();
            return s.tryAcquire();
        }

        @Override
        public boolean take(int millis) {
            takes.incrementAndGet();
            try {
                return s.tryAcquire(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void add(int count) {
            if ((long) s.availablePermits() + count > EventCounter.MAX_COUNT) {
                throw new IpcLimitException("ReleaseSemaphore", "test", null, "ERROR_TOO_MANY_POSTS");
            }
            s.release(count);
        }
    }

    @Test
    void counterModeTakesEverythingPendingSemaphoreModeOne() {
        Units u = new Units();
        EventCounter.signal(u, 1, "e");
        EventCounter.signal(u, 4, "e");
        assertEquals(5, EventCounter.await(u, EventMode.COUNTER, 1_000_000_000L));
        assertEquals(0, EventCounter.poll(u, EventMode.COUNTER));
        EventCounter.signal(u, 3, "e");
        assertEquals(1, EventCounter.await(u, EventMode.SEMAPHORE, 1_000_000_000L));
        assertEquals(1, EventCounter.poll(u, EventMode.SEMAPHORE));
        assertEquals(1, EventCounter.poll(u, EventMode.SEMAPHORE));
        assertEquals(0, EventCounter.poll(u, EventMode.SEMAPHORE));
        EventCounter.signal(u, 2, "e");
        assertEquals(2, EventCounter.poll(u, EventMode.COUNTER));
    }

    @Test
    void aWaitWithNothingPendingTimesOutAfterItsSlice() {
        Units u = new Units();
        long t0 = System.nanoTime();
        assertEquals(Attempt.TIMED_OUT, EventCounter.await(u, EventMode.COUNTER, 30_000_000L));
        assertTrue(System.nanoTime() - t0 >= 29_000_000L);
        assertEquals(Attempt.TIMED_OUT, EventCounter.await(u, EventMode.SEMAPHORE, 1));
    }

    /** Two takers at once each get a share, and together exactly what was signalled. */
    @Test
    void concurrentCounterWaitsShareTheSignalsWithoutLossOrDuplicate() throws Exception {
        Units u = new Units();
        int rounds = 2000;
        AtomicLong got = new AtomicLong();
        Thread[] takers = new Thread[2];
        for (int i = 0; i < takers.length; i++) {
            takers[i] = Thread.ofPlatform().start(() -> {
                while (got.get() < rounds * 3L) {
                    long n = EventCounter.await(u, EventMode.COUNTER, 5_000_000L);
                    if (n > 0) {
                        got.addAndGet(n);
                    }
                }
            });
        }
        for (int i = 0; i < rounds; i++) {
            EventCounter.signal(u, 3, "e");
        }
        for (Thread t : takers) {
            t.join(10_000);
        }
        assertEquals(rounds * 3L, got.get());
        assertEquals(0, u.s.availablePermits());
    }

    @Test
    void moreThanTheSemaphoreHoldsIsALimitError() {
        Units u = new Units();
        IpcLimitException e = assertThrows(IpcLimitException.class,
                () -> EventCounter.signal(u, EventCounter.MAX_COUNT + 1L, "event 7"));
        assertTrue(e.getMessage().contains("2147483647") && e.getMessage().contains("event 7"), e.getMessage());
        EventCounter.signal(u, EventCounter.MAX_COUNT, "e");
        assertThrows(IpcLimitException.class, () -> EventCounter.signal(u, 1, "e"));
    }

    @Test
    void waitsAreRoundedUpToWholeMillisecondsAndNeverInfinite() {
        assertEquals(1, EventCounter.millisRoundedUp(1));
        assertEquals(1, EventCounter.millisRoundedUp(1_000_000));
        assertEquals(2, EventCounter.millisRoundedUp(1_000_001));
        assertEquals(0, EventCounter.millisRoundedUp(0));
        assertEquals(Integer.MAX_VALUE, EventCounter.millisRoundedUp(Long.MAX_VALUE));
    }
}
