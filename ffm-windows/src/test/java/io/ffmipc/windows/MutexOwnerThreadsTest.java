package io.ffmipc.windows;

import io.ffmipc.LockResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner-thread protocol against a fake mutex with the Windows rules: owned by the thread whose
 * wait took it, recursive for that thread, released only by it, abandoned when it ends.
 */
class MutexOwnerThreadsTest {
    private final List<String> identities = new ArrayList<>();

    /** A Windows mutex, in Java. */
    static final class FakeMutex implements MutexOwnerThreads.Calls {
        private Thread owner;
        private int recursion;
        private boolean abandoned;
        final List<String> violations = new ArrayList<>();

        @Override
        public synchronized LockResult await(long handle, int millis) {
            long end = System.nanoTime() + millis * 1_000_000L;
            while (true) {
                if (owner != null && owner != Thread.currentThread() && !owner.isAlive()) {
                    owner = null; // the OS notices the owner thread's end
                    recursion = 0;
                    abandoned = true;
                }
                if (owner == Thread.currentThread()) {
                    recursion++;
                    violations.add("a wait by the owner thread succeeded by recursion");
                    return LockResult.ACQUIRED;
                }
                if (owner == null) {
                    owner = Thread.currentThread();
                    recursion = 1;
                    boolean died = abandoned;
                    abandoned = false;
                    return died ? LockResult.OWNER_DIED : LockResult.ACQUIRED;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return LockResult.TIMED_OUT;
                }
                try {
                    wait(Math.max(1, Math.min(5, left / 1_000_000L)));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }

        @Override
        public synchronized void release(long handle) {
            if (owner != Thread.currentThread()) {
                violations.add("ReleaseMutex by a thread that does not own it");
                throw new IllegalStateException("ERROR_NOT_OWNER");
            }
            if (--recursion == 0) {
                owner = null;
                notifyAll();
            }
        }
    }

    private MutexOwnerThreads.Shared join(String identity, MutexOwnerThreads.Calls m) {
        identities.add(identity);
        return MutexOwnerThreads.join(identity, m);
    }

    @AfterEach
    void leave() {
        identities.forEach(MutexOwnerThreads::leave);
    }

    @Test
    void aVirtualThreadAcquiresAndReleasesThroughTheOwnerThread() throws Exception {
        FakeMutex m = new FakeMutex();
        MutexOwnerThreads.Shared s = join("m1", m);
        Thread vt = Thread.ofVirtual().start(() -> {
            assertEquals(LockResult.ACQUIRED, s.acquire(1, 50));
            Thread.yield(); // may continue on another carrier
            s.release(1);
        });
        vt.join(5_000);
        assertTrue(m.violations.isEmpty(), m.violations.toString());
        assertFalse(s.held());
    }

    /** Two Java threads of one process: the second waits on another OS thread, so it cannot succeed by recursion. */
    @Test
    void aSecondThreadOfTheProcessWaitsForTheFirst() throws Exception {
        FakeMutex m = new FakeMutex();
        MutexOwnerThreads.Shared s = join("m2", m);
        assertEquals(LockResult.ACQUIRED, s.acquire(1, 50));
        assertEquals(LockResult.TIMED_OUT, CompletableFuture.supplyAsync(() -> s.acquire(1, 30)).get(5, TimeUnit.SECONDS));
        CompletableFuture<LockResult> waiting = CompletableFuture.supplyAsync(() -> {
            LockResult r;
            while ((r = s.acquire(1, 20)) == LockResult.TIMED_OUT) {
                Thread.onSpinWait();
            }
            return r;
        });
        Thread.sleep(50);
        assertFalse(waiting.isDone());
        s.release(1);
        assertEquals(LockResult.ACQUIRED, waiting.get(5, TimeUnit.SECONDS));
        s.release(1);
        assertTrue(m.violations.isEmpty(), m.violations.toString());
        assertTrue(s.threadsStarted() <= 3, "idle threads are reused: " + s.threadsStarted());
    }

    /**
     * A waiter whose wait takes the mutex the moment its holder releases it is the holder from then
     * on: the releasing side must not clear it (it did, and the new holder's release then failed).
     */
    @Test
    void aHandOverAtTheMomentOfReleaseKeepsTheNewHolder() throws Exception {
        FakeMutex m = new FakeMutex();
        MutexOwnerThreads.Shared s = join("m7", m);
        for (int round = 0; round < 300; round++) {
            assertEquals(LockResult.ACQUIRED, s.acquire(1, 50));
            CompletableFuture<LockResult> waiter = CompletableFuture.supplyAsync(() -> {
                LockResult r;
                while ((r = s.acquire(1, 1)) == LockResult.TIMED_OUT) {
                    Thread.onSpinWait();
                }
                return r;
            });
            Thread.sleep(0, 200_000);
            s.release(1);
            assertEquals(LockResult.ACQUIRED, waiter.get(5, TimeUnit.SECONDS));
            assertTrue(s.held(), "round " + round + ": the waiter that took the mutex is its holder");
            s.release(1);
        }
        assertTrue(m.violations.isEmpty(), m.violations.toString());
    }

    /** The portable layer may release through another object on the same mutex: the holder is shared. */
    @Test
    void anotherSeamOnTheSameMutexReleasesTheHold() {
        FakeMutex m = new FakeMutex();
        MutexOwnerThreads.Shared a = join("m3", m);
        MutexOwnerThreads.Shared b = join("m3", m);
        assertTrue(a == b, "one record per OS mutex in the process");
        assertEquals(LockResult.ACQUIRED, a.acquire(1, 50));
        b.release(2);
        assertFalse(a.held());
        assertThrows(IllegalStateException.class, () -> b.release(2), "nothing held any more");
        assertTrue(m.violations.isEmpty(), m.violations.toString());
    }

    @Test
    void abandoningEndsTheHolderAndTheNextWaitIsToldTheOwnerDied() {
        FakeMutex m = new FakeMutex();
        MutexOwnerThreads.Shared s = join("m4", m);
        assertEquals(LockResult.ACQUIRED, s.acquire(1, 50));
        s.abandon();
        assertFalse(s.held());
        assertEquals(LockResult.OWNER_DIED, s.acquire(1, 50));
        s.release(1);
        assertEquals(LockResult.ACQUIRED, s.acquire(1, 50));
        s.release(1);
        assertTrue(m.violations.isEmpty(), m.violations.toString());
    }

    /** A failing call is the caller's exception; the thread that failed holds nothing and is not reused. */
    @Test
    void aFailedWaitIsTheCallersError() {
        MutexOwnerThreads.Shared s = join("m5", new MutexOwnerThreads.Calls() {
            @Override
            public LockResult await(long handle, int millis) {
                throw new IllegalStateException("WAIT_FAILED");
            }

            @Override
            public void release(long handle) {
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.acquire(1, 10));
        assertEquals("WAIT_FAILED", e.getMessage());
        assertFalse(s.held());
    }

    /** An interrupt while the owner thread waits does not leave a taken mutex behind. */
    @Test
    void anInterruptedCallerStillGetsTheAnswer() throws Exception {
        FakeMutex m = new FakeMutex();
        MutexOwnerThreads.Shared s = join("m6", m);
        Thread.currentThread().interrupt();
        try {
            assertEquals(LockResult.ACQUIRED, s.acquire(1, 50));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        s.release(1);
        assertTrue(m.violations.isEmpty(), m.violations.toString());
    }
}
