package io.ffmipc.contract;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.LockResult;
import io.ffmipc.MutexOwnershipException;
import io.ffmipc.MutexStatus;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.RobustMutex;
import io.ffmipc.SharedMemory;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.NameLifetime;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every provider's {@link RobustMutex} must do; subclass per OS with {@link #platform()}.
 * The central test kills lock holders with SIGKILL at random points, over and over, and checks that
 * each survivor gets the lock and is told {@link LockResult#OWNER_DIED}. Every mutex a test creates
 * is removed in {@link #removeCreated()}, pass or fail.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class RobustMutexContract {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<String> created = new ArrayList<>();
    private final List<String> createdShm = new ArrayList<>();

    protected abstract IpcPlatform platform();

    /** A fresh name, removed after the test. */
    protected String newName() {
        String n = TestNames.unique("mutex");
        created.add(n);
        return n;
    }

    /** Removes a mutex a test created; subclasses may also check that nothing of it is left. */
    protected void remove(String name) {
        platform().removeMutex(name);
    }

    @AfterEach
    void removeCreated() {
        for (String n : created) {
            remove(n);
        }
        for (String n : createdShm) {
            platform().removeSharedMemory(n);
        }
    }

    // ------------------------------------------------------------------ owner death between processes

    @Test
    void holdersKilledAtRandomPointsEverySurvivorIsToldTheOwnerDied() {
        String name = newName();
        // 20 kills: each is a JVM (~0.5 s of CPU to start), started a batch at a time so that they overlap
        int batches = 4;
        int perBatch = 5;
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int kills = 0;
        int verified = 0;
        try (RobustMutex parent = platform().mutex(name, OpenMode.CREATE)) {
            for (int batch = 0; batch < batches; batch++) {
                // A batch of children all wait for the lock; each holder in turn is killed, and the
                // next one to get the lock must be told its predecessor died.
                List<ChildJvm> children = new ArrayList<>();
                try {
                    for (int i = 0; i < perBatch; i++) {
                        children.add(ChildJvm.start(RobustMutexChild.class, "hold", name));
                    }
                    Set<Long> killed = new HashSet<>();
                    for (int i = 0; i < perBatch; i++) {
                        ChildJvm holder = awaitHolder(parent, children, killed);
                        boolean killAtOnce = random.nextInt(3) == 0;
                        if (!killAtOnce) {
                            LockResult expected = i == 0 ? LockResult.ACQUIRED : LockResult.OWNER_DIED;
                            assertEquals("locked " + expected + " " + holder.pid(), awaitLine(holder, "locked "),
                                    "batch " + batch + ", holder " + i + " (seed " + seed + ")");
                            verified++;
                            sleepMillis(random.nextInt(20)); // killed at a random point of its hold
                        } // else killed the moment the lock shows it as the owner: right after acquiring
                        holder.kill();
                        killed.add(holder.pid());
                        kills++;
                    }
                } finally {
                    children.forEach(ChildJvm::close);
                }
                long t0 = System.nanoTime();
                assertEquals(LockResult.OWNER_DIED, parent.tryLock(Duration.ofSeconds(5)),
                        "the last holder of batch " + batch + " was killed; the parent must be told");
                long tookMs = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(tookMs < 5000, "took " + tookMs + " ms");
                parent.unlock(); // properly: the next batch's first holder is told ACQUIRED
            }
            assertEquals(new MutexStatus(MutexStatus.State.FREE, -1), parent.status());
        }
        assertEquals(batches * perBatch, kills);
        assertTrue(verified >= batches, "every batch's first holder at least reports what it was told; verified "
                + verified + " of " + kills);
    }

    @Test
    void deathRightAfterAcquiringWhileWaitingAndAfterUnlocking() throws Exception {
        String name = newName();
        try (RobustMutex parent = platform().mutex(name, OpenMode.CREATE);
             ChildJvm holder = ChildJvm.start(RobustMutexChild.class, "script", name);
             ChildJvm unlocker = ChildJvm.start(RobustMutexChild.class, "script", name);
             ChildJvm waiter = ChildJvm.start(RobustMutexChild.class, "script", name)) {
            // 1. killed right after acquiring: status names it, the parent is told it died
            send(holder, "lock");
            assertEquals("locked ACQUIRED", awaitLine(holder, "locked "));
            assertEquals(new MutexStatus(MutexStatus.State.HELD, holder.pid()), parent.status());
            holder.kill();
            assertEquals(new MutexStatus(MutexStatus.State.OWNER_DIED, holder.pid()), parent.status());
            assertEquals(LockResult.OWNER_DIED, parent.tryLock(WAIT));
            parent.unlock();
            assertEquals(new MutexStatus(MutexStatus.State.FREE, -1), parent.status());

            // 2. killed after unlocking properly: nothing to report
            send(unlocker, "lock");
            assertEquals("locked ACQUIRED", awaitLine(unlocker, "locked "));
            send(unlocker, "unlock");
            awaitLine(unlocker, "unlocked");
            unlocker.kill();
            assertEquals(LockResult.ACQUIRED, parent.tryLock());

            // 3. killed while waiting for the lock the parent holds: no effect on the lock
            send(waiter, "lock");
            awaitLine(waiter, "waiting");
            sleepMillis(200); // inside the kernel wait by now
            assertEquals(MutexStatus.State.HELD, parent.status().state());
            waiter.kill();
            assertEquals(new MutexStatus(MutexStatus.State.HELD, ProcessHandle.current().pid()), parent.status());
            parent.unlock();
            assertEquals(LockResult.ACQUIRED, parent.tryLock());
            parent.unlock();
        }
    }

    @Test
    void mutualExclusionAcrossProcesses() {
        String name = newName();
        String shmName = TestNames.unique("mutex-shm");
        createdShm.add(shmName);
        int children = 3;
        int rounds = 300;
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE);
             SharedMemory shm = platform().sharedMemory(shmName, OpenMode.CREATE, 8)) {
            List<ChildJvm> started = new ArrayList<>();
            try {
                for (int i = 0; i < children; i++) {
                    started.add(ChildJvm.start(RobustMutexChild.class, "count", name, shmName, Integer.toString(rounds)));
                }
                for (ChildJvm c : started) {
                    c.assertSuccess(Duration.ofSeconds(60));
                }
            } finally {
                started.forEach(ChildJvm::close);
            }
            assertEquals((long) children * rounds, shm.segment().get(ValueLayout.JAVA_LONG, 0),
                    "every increment under the lock survives");
            assertEquals(LockResult.ACQUIRED, m.tryLock(), "every child unlocked properly");
            m.unlock();
        }
    }

    // ------------------------------------------------------------------ within one process

    @Test
    void timedAcquireWaitsAtLeastItsTimeoutAndTryLockDoesNotWait() throws Exception {
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            assertEquals(LockResult.ACQUIRED, m.lock());
            assertTrue(m.isHeldByCurrentThread());
            CompletableFuture<long[]> other = CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                LockResult now = m.tryLock();
                long t1 = System.nanoTime();
                LockResult timed = m.tryLock(Duration.ofMillis(200));
                long t2 = System.nanoTime();
                return new long[] {now.ordinal(), (t1 - t0) / 1_000_000, timed.ordinal(), (t2 - t1) / 1_000_000};
            });
            long[] r = other.get(10, TimeUnit.SECONDS);
            assertEquals(LockResult.TIMED_OUT.ordinal(), r[0]);
            assertTrue(r[1] < 100, "tryLock() waited " + r[1] + " ms");
            assertEquals(LockResult.TIMED_OUT.ordinal(), r[2]);
            assertTrue(r[3] >= 195, "tryLock(200ms) gave up after only " + r[3] + " ms");
            m.unlock();
            assertFalse(m.isHeldByCurrentThread());
            // another thread now gets it within a timed wait
            assertEquals(LockResult.ACQUIRED, CompletableFuture.supplyAsync(() -> {
                LockResult got = m.tryLock(Duration.ofSeconds(5));
                m.unlock();
                return got;
            }).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aWaiterGetsTheLockWhenItIsUnlocked() throws Exception {
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            m.lock();
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<LockResult> waiter = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                LockResult got = m.lock();
                m.unlock();
                return got;
            });
            waiting.await();
            sleepMillis(100);
            assertFalse(waiter.isDone(), "the waiter must not get a held lock");
            m.unlock();
            assertEquals(LockResult.ACQUIRED, waiter.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void unlockByANonOwnerAndRelockingAreTypedErrors() throws Exception {
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE);
             RobustMutex second = platform().mutex(name, OpenMode.OPEN)) {
            MutexOwnershipException none = assertThrows(MutexOwnershipException.class, m::unlock);
            assertTrue(none.getMessage().contains("'" + name + "'") && none.getMessage().contains("does not hold it"),
                    none.getMessage());
            m.lock();
            MutexOwnershipException again = assertThrows(MutexOwnershipException.class, m::lock);
            assertTrue(again.getMessage().contains("not reentrant"), again.getMessage());
            assertThrows(MutexOwnershipException.class, () -> second.tryLock(Duration.ofSeconds(1)),
                    "the same thread through another object on the same mutex would deadlock too");
            MutexOwnershipException viaOther = assertThrows(MutexOwnershipException.class, second::unlock);
            assertTrue(viaOther.getMessage().contains("another RobustMutex object"), viaOther.getMessage());
            MutexOwnershipException otherThread = CompletableFuture.supplyAsync(
                    () -> assertThrows(MutexOwnershipException.class, m::unlock)).get(10, TimeUnit.SECONDS);
            assertTrue(otherThread.getMessage().contains("does not hold it; thread #" + Thread.currentThread().threadId()),
                    otherThread.getMessage());
            assertTrue(m.isHeldByCurrentThread(), "failed unlocks leave the lock with its owner");
            m.unlock();
        }
    }

    @Test
    void aThreadThatEndsHoldingTheLockIsADeadOwner() throws Exception {
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            Thread t = Thread.ofPlatform().start(() -> m.lock());
            t.join();
            assertEquals(LockResult.OWNER_DIED, m.tryLock(Duration.ofSeconds(5)));
            assertTrue(m.isHeldByCurrentThread());
            m.unlock();
            assertEquals(LockResult.ACQUIRED, m.tryLock());
            m.unlock();
        }
    }

    @Test
    void closingWhileHoldingAbandonsTheLock() {
        String name = newName();
        try (RobustMutex a = platform().mutex(name, OpenMode.CREATE);
             RobustMutex b = platform().mutex(name, OpenMode.OPEN)) {
            assertEquals(LockResult.ACQUIRED, a.lock());
            a.close();
            assertEquals(LockResult.OWNER_DIED, b.tryLock(Duration.ofSeconds(5)),
                    "the holder closed without unlocking: the state it guards may be half-changed");
            b.unlock();
            assertEquals(LockResult.ACQUIRED, b.tryLock());
            b.unlock();
        }
    }

    @Test
    void aVirtualThreadKeepsTheLockAcrossCarriers() throws Exception {
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Set<String> carriers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<Thread> busy = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // other virtual threads keep the carriers busy, so ours gets moved
                busy.add(Thread.ofVirtual().start(() -> {
                    long end = System.nanoTime() + 300_000_000L;
                    while (System.nanoTime() < end) {
                        Thread.yield();
                    }
                }));
            }
            Thread v = Thread.ofVirtual().start(() -> {
                try {
                    assertEquals(LockResult.ACQUIRED, m.lock());
                    for (int i = 0; i < 200; i++) {
                        carriers.add(carrierOf(Thread.currentThread()));
                        if (i % 2 == 0) {
                            Thread.yield();
                        } else {
                            Thread.sleep(1);
                        }
                    }
                    assertTrue(m.isHeldByCurrentThread());
                    m.unlock();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            v.join(30_000);
            for (Thread b : busy) {
                b.join(30_000);
            }
            if (failure.get() != null) {
                throw new AssertionError("carriers seen: " + carriers, failure.get());
            }
            assertEquals(LockResult.ACQUIRED, m.tryLock(), "unlocked properly from the virtual thread (carriers " + carriers + ")");
            m.unlock();
        }
    }

    @Test
    void anInterruptEndsTheWait() throws Exception {
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            m.lock();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    m.lock();
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            sleepMillis(100);
            t.interrupt();
            t.join(5000);
            assertTrue(thrown.get() instanceof IpcInterruptedException, String.valueOf(thrown.get()));
            m.unlock();
        }
    }

    // ------------------------------------------------------------------ names, modes, close, remove

    @Test
    void openModesAndRemove() {
        String name = newName();
        NoSuchIpcObjectException missing = assertThrows(NoSuchIpcObjectException.class,
                () -> platform().mutex(name, OpenMode.OPEN));
        assertTrue(missing.getMessage().contains(name), missing.getMessage());
        try (RobustMutex a = platform().mutex(name, OpenMode.OPEN_OR_CREATE);
             RobustMutex b = platform().mutex(name, OpenMode.OPEN_OR_CREATE)) {
            assertEquals(name, a.name());
            assertEquals(LockResult.ACQUIRED, a.lock());
            assertEquals(LockResult.TIMED_OUT, CompletableFuture.supplyAsync(b::tryLock).join(), "one mutex, two objects");
            assertThrows(IpcObjectExistsException.class, () -> platform().mutex(name, OpenMode.CREATE));
            a.unlock();
        }
        // Where names die with their last handle (Windows) there is nothing to remove: the mutex went with its handles.
        assertEquals(NameLifetime.persistent(platform()), platform().removeMutex(name));
        assertFalse(platform().removeMutex(name));
        assertThrows(NoSuchIpcObjectException.class, () -> platform().mutex(name, OpenMode.OPEN));
        try (RobustMutex fresh = platform().mutex(name, OpenMode.CREATE)) {
            assertEquals(LockResult.ACQUIRED, fresh.tryLock(), "a re-created mutex starts free and clean");
            fresh.unlock();
        }
    }

    @Test
    void removingWhileOpenMakesLaterUseAnError() {
        Assumptions.assumeTrue(NameLifetime.persistent(platform()),
                "names are not persistent here: a mutex goes with its last handle and removeMutex removes nothing");
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            assertTrue(platform().removeMutex(name));
            RuntimeException e = assertThrows(RuntimeException.class, m::tryLock);
            assertTrue(e instanceof io.ffmipc.IpcException && e.getMessage().contains(name), e.toString());
        }
    }

    @Test
    void badNamesAndArgumentsAreTypedErrors() {
        InvalidNameException bad = assertThrows(InvalidNameException.class,
                () -> platform().mutex("no/slash", OpenMode.OPEN_OR_CREATE));
        assertTrue(bad.getMessage().contains("'/'"), bad.getMessage());
        assertThrows(InvalidNameException.class, () -> platform().mutex("", OpenMode.CREATE));
        assertThrows(InvalidNameException.class, () -> platform().removeMutex(".hidden"));
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            IllegalArgumentException noTimeout = assertThrows(IllegalArgumentException.class, () -> m.tryLock(null));
            assertTrue(noTimeout.getMessage().contains(name), noTimeout.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.tryLock(Duration.ofMillis(-1)));
        }
    }

    @Test
    void useAfterCloseIsAnIllegalStateAndCloseTwiceIsSafe() {
        String name = newName();
        RobustMutex m = platform().mutex(name, OpenMode.CREATE);
        // where names die with their last handle, another handle keeps the mutex for the reopen below
        RobustMutex keeper = NameLifetime.persistent(platform()) ? null : platform().mutex(name, OpenMode.OPEN);
        m.close();
        m.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, m::lock);
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertThrows(IllegalStateException.class, m::tryLock);
        assertThrows(IllegalStateException.class, m::unlock);
        assertThrows(IllegalStateException.class, m::status);
        try (RobustMutex again = platform().mutex(name, OpenMode.OPEN)) {
            assertEquals(LockResult.ACQUIRED, again.tryLock(), "closing an object that did not hold the lock changes nothing");
            again.unlock();
        } finally {
            if (keeper != null) {
                keeper.close();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The child that holds the lock now, by the mutex's status; fails after {@link #WAIT}. */
    private static ChildJvm awaitHolder(RobustMutex m, List<ChildJvm> children, Set<Long> killed) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            MutexStatus s = m.status();
            if (s.state() == MutexStatus.State.HELD && !killed.contains(s.ownerPid())) {
                for (ChildJvm c : children) {
                    if (c.pid() == s.ownerPid()) {
                        return c;
                    }
                }
            }
            Thread.onSpinWait();
        }
        StringBuilder out = new StringBuilder();
        children.forEach(c -> out.append("\n--- child ").append(c.pid()).append(":\n").append(c.output()));
        throw new AssertionError("no child took the lock within " + WAIT + " (status " + m.status() + ")" + out);
    }

    /** The child's first output line starting with {@code prefix}; fails after {@link #WAIT}. */
    static String awaitLine(ChildJvm child, String prefix) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (String line : child.output().lines().toList()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            sleepMillis(2);
        }
        return fail("child " + child.pid() + " printed no line starting with '" + prefix + "' within " + WAIT
                + "; its output:\n" + child.output());
    }

    private static void send(ChildJvm child, String command) throws IOException {
        OutputStream in = child.process().getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** The carrier a virtual thread runs on, from its toString ("VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1"). */
    private static String carrierOf(Thread t) {
        String s = t.toString();
        int at = s.lastIndexOf('@');
        return at < 0 ? "?" : s.substring(at + 1);
    }

    static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
