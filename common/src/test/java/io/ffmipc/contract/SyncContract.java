package io.ffmipc.contract;

import io.ffmipc.testkit.StructureMemory;
import io.ffmipc.ChannelVersionException;
import io.ffmipc.IpcNames;
import io.ffmipc.Barrier;
import io.ffmipc.BarrierBrokenException;
import io.ffmipc.Condition;
import io.ffmipc.EventKind;
import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NamedEvent;
import io.ffmipc.OpenMode;
import io.ffmipc.ReadWriteLock;
import io.ffmipc.SharedMemory;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.NameLifetime;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every provider's process-shared sync types (named event, condition, barrier, read-write
 * lock) must do; the central cases run between real processes ({@link SyncPeer}).
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class SyncContract {
    private static final Duration LONG = Duration.ofSeconds(20);
    private final List<Runnable> cleanup = new ArrayList<>();
    /** Own threads: the common pool may have a single thread on a small machine, and these block. */
    private final ExecutorService pool = Executors.newCachedThreadPool();

    protected abstract IpcPlatform platform();

    /**
     * The peers' main class: {@link SyncPeer} on the provider's default platform. A subclass that
     * tests another platform gives a main that runs {@link SyncPeer#run} on it.
     */
    protected Class<?> peerMain() {
        return SyncPeer.class;
    }

    @AfterEach
    void removeEverything() {
        pool.shutdownNow();
        for (Runnable r : cleanup) {
            r.run();
        }
    }

    private String eventName(String what) {
        String n = TestNames.unique(what);
        cleanup.add(() -> platform().removeEvent(n));
        return n;
    }

    private String shmName() {
        String n = TestNames.unique("syncshm");
        cleanup.add(() -> platform().removeSharedMemory(n));
        return n;
    }

    // ---------------------------------------------------------------- named event

    @Test
    void namedEventsPingPongBetweenUnrelatedProcesses() throws Exception {
        String base = TestNames.unique("ev");
        for (String s : new String[] {"-ping", "-pong", "-done"}) {
            cleanup.add(() -> platform().removeEvent(base + s));
        }
        int rounds = 300;
        try (NamedEvent ping = platform().event(base + "-ping", OpenMode.CREATE, EventKind.AUTO_RESET);
             NamedEvent pong = platform().event(base + "-pong", OpenMode.CREATE, EventKind.AUTO_RESET);
             NamedEvent done = platform().event(base + "-done", OpenMode.CREATE, EventKind.MANUAL_RESET);
             ChildJvm child = ChildJvm.start(peerMain(), "event", base, Integer.toString(rounds))) {
            for (int i = 0; i < rounds; i++) {
                ping.set();
                assertTrue(pong.await(LONG), "no pong in round " + i + "; peer said:\n" + child.output());
            }
            assertFalse(pong.isSet(), "an auto-reset event resets as its waiter returns");
            done.set();
            child.assertSuccess(LONG);
        }
    }

    @Test
    void manualResetReleasesEveryWaiterAndStaysSet() throws Exception {
        try (NamedEvent e = platform().event(eventName("ev"), OpenMode.CREATE, EventKind.MANUAL_RESET)) {
            assertFalse(e.isSet(), "created reset");
            List<CompletableFuture<Boolean>> waiters = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiters.add(CompletableFuture.supplyAsync(() -> e.await(LONG), pool));
            }
            Thread.sleep(100);
            e.set();
            for (CompletableFuture<Boolean> w : waiters) {
                assertTrue(w.get(10, TimeUnit.SECONDS));
            }
            assertTrue(e.isSet());
            assertTrue(e.await(Duration.ZERO), "stays set for later waiters");
            e.reset();
            assertFalse(e.await(Duration.ofMillis(50)));
        }
    }

    @Test
    void autoResetReleasesOneWaiterPerSetAndSetsDoNotCount() throws Exception {
        try (NamedEvent e = platform().event(eventName("ev"), OpenMode.CREATE, EventKind.AUTO_RESET)) {
            e.set();
            e.set(); // already set: no effect
            assertTrue(e.await(Duration.ZERO));
            assertFalse(e.await(Duration.ZERO), "two sets before a wait release one waiter");
            CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> e.await(Duration.ofSeconds(2)), pool);
            CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> e.await(Duration.ofSeconds(2)), pool);
            Thread.sleep(100);
            e.set();
            int released = (a.get(10, TimeUnit.SECONDS) ? 1 : 0) + (b.get(10, TimeUnit.SECONDS) ? 1 : 0);
            assertEquals(1, released, "one set, one waiter released");
            assertFalse(e.isSet());
        }
    }

    @Test
    void eventTimeoutsAreResultsAndLastAtLeastTheTimeout() {
        try (NamedEvent e = platform().event(eventName("ev"), OpenMode.CREATE, EventKind.AUTO_RESET)) {
            long t0 = System.nanoTime();
            assertFalse(e.await(Duration.ofMillis(200)));
            assertTrue(System.nanoTime() - t0 >= 190_000_000L);
            assertThrows(IllegalArgumentException.class, () -> e.await(Duration.ofMillis(-1)));
        }
    }

    @Test
    void openingChecksKindVersionAndName() {
        String name = eventName("ev");
        try (NamedEvent e = platform().event(name, OpenMode.CREATE, EventKind.MANUAL_RESET)) {
            IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                    () -> platform().event(name, OpenMode.OPEN, EventKind.AUTO_RESET));
            assertTrue(kind.getMessage().contains("MANUAL_RESET, not AUTO_RESET"), kind.getMessage());
            try (NamedEvent same = platform().event(name, OpenMode.OPEN_OR_CREATE, EventKind.MANUAL_RESET);
                 NamedEvent asItIs = platform().event(name, OpenMode.OPEN, null)) {
                assertEquals(EventKind.MANUAL_RESET, asItIs.kind());
                same.set();
                assertTrue(e.isSet() && asItIs.isSet(), "all handles see one event");
            }
        }
        IllegalArgumentException noKind = assertThrows(IllegalArgumentException.class,
                () -> platform().event(eventName("ev"), OpenMode.CREATE, null));
        assertTrue(noKind.getMessage().contains("kind is required"), noKind.getMessage());
        InvalidNameException bad = assertThrows(InvalidNameException.class,
                () -> platform().event("bad/name", OpenMode.CREATE, EventKind.AUTO_RESET));
        assertTrue(bad.getMessage().contains("'/'"), bad.getMessage());
        InvalidNameException longName = assertThrows(InvalidNameException.class,
                () -> platform().barrier("b" + "x".repeat(IpcNames.MAX_LENGTH), OpenMode.CREATE, 2));
        assertTrue(longName.getMessage().contains("at most " + IpcNames.MAX_LENGTH), longName.getMessage());
        assertFalse(platform().removeEvent(TestNames.unique("never")));
    }

    /** Writes a magic by hand, as a peer of another version (or kind) would. */
    @Test
    void aPeerOfAnotherVersionOrKindIsRefused() {
        String name = eventName("ev");
        try (SharedMemory m = StructureMemory.create(platform(), "event", name, 4096)) {
            m.segment().set(ValueLayout.JAVA_INT, 0, (StructureMemory.magic("event") & 0xffff0000) | 9);
            ChannelVersionException v = assertThrows(ChannelVersionException.class,
                    () -> platform().event(name, OpenMode.OPEN, EventKind.AUTO_RESET));
            assertTrue(v.getMessage().contains("layout version 9") && v.getMessage().contains("reads layout version "
                    + StructureMemory.version("event") + " only"), v.getMessage());
            m.segment().set(ValueLayout.JAVA_INT, 0, StructureMemory.magic("barrier"));
            ChannelVersionException k = assertThrows(ChannelVersionException.class,
                    () -> platform().event(name, OpenMode.OPEN, EventKind.AUTO_RESET));
            assertTrue(k.getMessage().contains("holds a barrier, not an event"), k.getMessage());
            m.segment().set(ValueLayout.JAVA_INT, 0, 0);
            long t0 = System.nanoTime();
            IpcException never = assertThrows(IpcException.class,
                    () -> platform().event(name, OpenMode.OPEN, EventKind.AUTO_RESET));
            assertTrue(never.getMessage().contains("did not finish initialising it"), never.getMessage());
            assertTrue(System.nanoTime() - t0 >= 900_000_000L, "the opener waits about a second for the creator");
        }
    }

    @Test
    void useAfterCloseThrowsAndCloseTwiceIsSafe() {
        NamedEvent e = platform().event(eventName("ev"), OpenMode.CREATE, EventKind.AUTO_RESET);
        e.close();
        e.close();
        assertThrows(IllegalStateException.class, e::set);
        assertThrows(IllegalStateException.class, () -> e.await(Duration.ZERO));
        String cn = TestNames.unique("cond");
        cleanup.add(() -> platform().removeCondition(cn));
        Condition c = platform().condition(cn, OpenMode.CREATE);
        c.close();
        c.close();
        assertThrows(IllegalStateException.class, c::lock);
        assertThrows(IllegalStateException.class, c::signal);
    }

    @Test
    void closingEndsAWaitInProgress() throws Exception {
        NamedEvent e = platform().event(eventName("ev"), OpenMode.CREATE, EventKind.AUTO_RESET);
        CompletableFuture<Boolean> w = CompletableFuture.supplyAsync(() -> e.await(Duration.ofSeconds(30)), pool);
        Thread.sleep(100);
        e.close();
        ExecutionException x = assertThrows(ExecutionException.class, () -> w.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, x.getCause());
    }

    // ---------------------------------------------------------------- condition

    @Test
    void producerAndConsumerProcessesLoseNoWakeUp() {
        String cn = TestNames.unique("cond");
        cleanup.add(() -> platform().removeCondition(cn));
        String shm = shmName();
        int rounds = 2000;
        try (Condition c = platform().condition(cn, OpenMode.CREATE);
             SharedMemory m = platform().sharedMemory(shm, OpenMode.CREATE, 4096);
             ChildJvm child = ChildJvm.start(peerMain(), "consumer", cn, shm, Integer.toString(rounds))) {
            MemorySegment s = m.segment();
            for (int i = 1; i <= rounds; i++) {
                c.lock();
                try {
                    while (s.get(ValueLayout.JAVA_INT, 0) != 0) {
                        assertTrue(c.await(Duration.ofSeconds(10)) || s.get(ValueLayout.JAVA_INT, 0) == 0,
                                "lost wake-up at value " + i + "; peer said:\n" + child.output());
                    }
                    s.set(ValueLayout.JAVA_INT, 4, i);
                    s.set(ValueLayout.JAVA_INT, 0, 1);
                    c.signal();
                } finally {
                    c.unlock();
                }
            }
            child.assertSuccess(LONG);
        }
    }

    @Test
    void conditionMisuseIsRefused() throws Exception {
        String cn = TestNames.unique("cond");
        cleanup.add(() -> platform().removeCondition(cn));
        try (Condition c = platform().condition(cn, OpenMode.CREATE)) {
            IllegalMonitorStateException notHeld = assertThrows(IllegalMonitorStateException.class, c::unlock);
            assertTrue(notHeld.getMessage().contains("does not hold"), notHeld.getMessage());
            assertThrows(IllegalMonitorStateException.class, () -> c.await(Duration.ZERO));
            c.lock();
            assertThrows(IllegalMonitorStateException.class, c::lock, "not reentrant");
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> c.tryLock(Duration.ofMillis(100)), pool);
            assertFalse(other.get(10, TimeUnit.SECONDS), "held by this thread");
            ExecutionException foreign = assertThrows(ExecutionException.class,
                    () -> CompletableFuture.runAsync(c::unlock, pool).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalMonitorStateException.class, foreign.getCause());
            long t0 = System.nanoTime();
            assertFalse(c.await(Duration.ofMillis(150)), "nobody signals");
            assertTrue(System.nanoTime() - t0 >= 140_000_000L);
            c.unlock(); // await re-took the lock
            assertTrue(CompletableFuture.supplyAsync(() -> {
                boolean got = c.tryLock(Duration.ofSeconds(1));
                if (got) {
                    c.unlock();
                }
                return got;
            }, pool).get(10, TimeUnit.SECONDS));
        }
    }

    // ---------------------------------------------------------------- barrier

    @Test
    void threeProcessesPassSeveralGenerations() throws Exception {
        String bn = TestNames.unique("bar");
        cleanup.add(() -> platform().removeBarrier(bn));
        String shm = shmName();
        int generations = 8;
        try (Barrier b = platform().barrier(bn, OpenMode.CREATE, 3);
             SharedMemory m = platform().sharedMemory(shm, OpenMode.CREATE, 4096);
             ChildJvm one = ChildJvm.start(peerMain(), "barrier", bn, shm, Integer.toString(generations));
             ChildJvm two = ChildJvm.start(peerMain(), "barrier", bn, shm, Integer.toString(generations))) {
            assertEquals(3, b.parties());
            SyncPeer.barrierRounds(b, m.segment(), generations);
            one.assertSuccess(LONG);
            two.assertSuccess(LONG);
            for (int g = 0; g < generations; g++) {
                assertEquals(0b111, m.segment().get(ValueLayout.JAVA_INT, 256 + 4L * g),
                        "generation " + g + " handed out indices 0, 1 and 2 once each");
            }
            assertFalse(b.isBroken());
        }
    }

    @Test
    void aTimeoutBreaksTheBarrierForEveryone() throws Exception {
        String bn = TestNames.unique("bar");
        cleanup.add(() -> platform().removeBarrier(bn));
        try (Barrier b = platform().barrier(bn, OpenMode.CREATE, 3)) {
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> b.await(LONG), pool);
            Thread.sleep(100);
            long t0 = System.nanoTime();
            assertEquals(-1, b.await(Duration.ofMillis(200)));
            assertTrue(System.nanoTime() - t0 >= 190_000_000L);
            ExecutionException x = assertThrows(ExecutionException.class, () -> other.get(10, TimeUnit.SECONDS));
            assertInstanceOf(BarrierBrokenException.class, x.getCause());
            assertTrue(b.isBroken());
            BarrierBrokenException later = assertThrows(BarrierBrokenException.class, () -> b.await(LONG));
            assertTrue(later.getMessage().contains("broken"), later.getMessage());
        }
    }

    @Test
    void barrierInputIsChecked() {
        String bn = TestNames.unique("bar");
        cleanup.add(() -> platform().removeBarrier(bn));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> platform().barrier(bn, OpenMode.CREATE, 0));
        assertTrue(zero.getMessage().contains("at least 1 party"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> platform().barrier(bn, OpenMode.CREATE, -3));
        try (Barrier b = platform().barrier(bn, OpenMode.CREATE, 1)) {
            assertEquals(0, b.await(Duration.ZERO), "a one-party barrier trips at once");
            assertEquals(0, b.await(Duration.ZERO));
            IllegalArgumentException parties = assertThrows(IllegalArgumentException.class,
                    () -> platform().barrier(bn, OpenMode.OPEN, 2));
            assertTrue(parties.getMessage().contains("has 1 parties, not 2"), parties.getMessage());
        }
        assertEquals(NameLifetime.persistent(platform()), platform().removeBarrier(bn),
                "removed where names persist; elsewhere it went with its last handle");
    }

    // ---------------------------------------------------------------- read-write lock

    @Test
    void readersShareAndWritersExcludeAcrossProcesses() throws Exception {
        String ln = TestNames.unique("rw");
        cleanup.add(() -> platform().removeReadWriteLock(ln));
        String shm = shmName();
        int rounds = 300;
        try (ReadWriteLock l = platform().readWriteLock(ln, OpenMode.CREATE);
             SharedMemory m = platform().sharedMemory(shm, OpenMode.CREATE, 4096);
             ChildJvm one = ChildJvm.start(peerMain(), "rwlock", ln, shm, Integer.toString(rounds));
             ChildJvm two = ChildJvm.start(peerMain(), "rwlock", ln, shm, Integer.toString(rounds))) {
            SyncPeer.rwlockRounds(l, m.segment(), rounds);
            one.assertSuccess(LONG);
            two.assertSuccess(LONG);
            assertEquals(0, m.segment().get(ValueLayout.JAVA_INT, 8), "exclusion violations");
        }
    }

    @Test
    void waitingWritersHoldBackNewReaders() throws Exception {
        String ln = TestNames.unique("rw");
        cleanup.add(() -> platform().removeReadWriteLock(ln));
        try (ReadWriteLock l = platform().readWriteLock(ln, OpenMode.CREATE)) {
            assertTrue(l.readLock(Duration.ZERO));
            CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> {
                boolean got = l.writeLock(LONG);
                if (got) {
                    l.writeUnlock();
                }
                return got;
            }, pool);
            Thread.sleep(100);
            assertFalse(CompletableFuture.supplyAsync(() -> l.readLock(Duration.ofMillis(100)), pool).get(10, TimeUnit.SECONDS),
                    "a new reader waits behind the waiting writer");
            l.readUnlock();
            assertTrue(writer.get(10, TimeUnit.SECONDS));
            // A writer that times out lets held-back readers go.
            assertTrue(l.readLock(Duration.ZERO));
            assertFalse(CompletableFuture.supplyAsync(() -> l.writeLock(Duration.ofMillis(100)), pool).get(10, TimeUnit.SECONDS));
            assertTrue(CompletableFuture.supplyAsync(() -> l.readLock(Duration.ofSeconds(1)), pool).get(10, TimeUnit.SECONDS));
            l.readUnlock();
            l.readUnlock();
        }
    }

    @Test
    void readWriteLockMisuseIsRefused() throws Exception {
        String ln = TestNames.unique("rw");
        cleanup.add(() -> platform().removeReadWriteLock(ln));
        try (ReadWriteLock l = platform().readWriteLock(ln, OpenMode.CREATE)) {
            IllegalMonitorStateException r = assertThrows(IllegalMonitorStateException.class, l::readUnlock);
            assertTrue(r.getMessage().contains("holds no read lock"), r.getMessage());
            assertThrows(IllegalMonitorStateException.class, l::writeUnlock);
            assertTrue(l.writeLock(Duration.ZERO));
            assertThrows(IllegalMonitorStateException.class, () -> l.writeLock(Duration.ZERO), "not reentrant");
            assertThrows(IllegalMonitorStateException.class, () -> l.readLock(Duration.ZERO));
            ExecutionException foreign = assertThrows(ExecutionException.class,
                    () -> CompletableFuture.runAsync(l::writeUnlock, pool).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalMonitorStateException.class, foreign.getCause());
            l.writeUnlock();
        }
    }
}
