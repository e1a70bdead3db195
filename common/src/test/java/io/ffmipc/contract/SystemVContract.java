package io.ffmipc.contract;

import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.ObjectKind;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SystemV;
import io.ffmipc.SystemV.MessageQueue.Message;
import io.ffmipc.SystemV.MessageQueue.Selector;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.OtherUser;
import io.ffmipc.testkit.SysVKeysToRemove;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the {@link SystemV} extension must do on every OS that has it (Linux, macOS): segments,
 * semaphore sets and typed message queues by key, between real processes. A provider's test extends
 * this and names its platform; a test of a posix-layer fallback (semaphore waits polled where there
 * is no {@code semtimedop}) overrides {@link #systemV()}. Every key a test uses is removed after it,
 * pass or fail.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class SystemVContract {
    @RegisterExtension
    final SysVKeysToRemove keys = new SysVKeysToRemove(key -> systemV().removeSharedMemory(key)
            | systemV().removeSemaphoreSet(key) | systemV().removeMessageQueue(key));

    /** The platform under test. */
    protected abstract IpcPlatform platform();

    /** The System V under test: the platform's, unless a subclass tests another. */
    protected SystemV systemV() {
        return platform().systemV().orElseThrow(() -> new AssertionError("no System V on " + platform().os()));
    }

    /**
     * Whether a waiting {@code semop} is queued in the kernel, so {@code GETNCNT} counts it (false
     * where waits poll with {@code IPC_NOWAIT}).
     */
    protected boolean waitersAreCounted() {
        return true;
    }

    private long ownUid() {
        return platform().currentProcess().uid();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<Message> m) {
        return new String(m.orElseThrow(() -> new AssertionError("no message")).data(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ shared memory segments

    @Test
    void segmentReportsSizeOwnerModeAndAttachments() {
        int key = keys.next();
        try (SystemV.Segment a = systemV().sharedMemory(key, OpenMode.CREATE, 4096, Permissions.ofMode(0640))) {
            assertTrue(a.created());
            assertEquals(key, a.key());
            assertEquals(String.format("key 0x%08x", key), a.name());
            SystemV.Segment.Status s = a.stat();
            assertEquals(4096, s.size());
            assertEquals(1, s.attachCount());
            assertEquals(ProcessHandle.current().pid(), s.creatorPid());
            assertEquals(ownUid(), s.ownerUid());
            assertEquals(0640, s.mode(), "shmget does not apply the umask");
            assertFalse(s.removed());

            try (SystemV.Segment b = systemV().sharedMemory(key, OpenMode.OPEN_OR_CREATE, 4096, Permissions.OWNER_ONLY)) {
                assertFalse(b.created());
                assertEquals(a.id(), b.id());
                assertEquals(4096, b.size());
                assertEquals(2, a.stat().attachCount());
                a.segment().set(JAVA_LONG, 16, 123456789L);
                assertEquals(123456789L, b.segment().get(JAVA_LONG, 16));
            }
            assertEquals(1, a.stat().attachCount(), "closing detaches");
        }
    }

    @Test
    void aChildsAttachmentIsCountedAndItsPidRecorded() throws InterruptedException {
        int key = keys.next();
        try (SystemV.Segment shm = systemV().sharedMemory(key, OpenMode.CREATE, 4096, Permissions.OWNER_ONLY);
             ChildJvm child = ChildJvm.start(SysVPeer.class, Integer.toString(key))) {
            MemorySegment seg = shm.segment();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((long) SysVPeer.LONG.getAcquire(seg, 0L) != child.pid()) {
                if (!child.process().isAlive() || System.nanoTime() > deadline) {
                    fail("the child did not attach; its output:\n" + child.output());
                }
                Thread.sleep(5);
            }
            SystemV.Segment.Status attached = shm.stat();
            assertEquals(2, attached.attachCount(), "parent + child");
            assertEquals(child.pid(), attached.lastPid(), "the child attached last");
            SysVPeer.INT.setRelease(seg, 8L, 1);
            child.assertSuccess(Duration.ofSeconds(60));
            SystemV.Segment.Status detached = shm.stat();
            assertEquals(1, detached.attachCount());
            assertEquals(child.pid(), detached.lastPid(), "the child detached last");
            assertEquals(ProcessHandle.current().pid(), detached.creatorPid());
        }
    }

    @Test
    void removeFreesTheKeyWhileAttachmentsLive() {
        int key = keys.next();
        try (SystemV.Segment shm = systemV().sharedMemory(key, OpenMode.CREATE, 4096, Permissions.OWNER_ONLY)) {
            shm.segment().set(JAVA_INT, 0, 77);
            assertTrue(shm.remove());
            assertTrue(shm.stat().removed() || !reportsRemoval(), "SHM_DEST");
            assertEquals(77, shm.segment().get(JAVA_INT, 0), "memory lives until the last detach");
            NoSuchIpcObjectException gone = assertThrows(NoSuchIpcObjectException.class,
                    () -> systemV().sharedMemory(key, OpenMode.OPEN, 0, Permissions.OWNER_ONLY));
            assertTrue(gone.getMessage().contains(String.format("0x%08x", key)), gone.getMessage());
            assertFalse(systemV().removeSharedMemory(key));
        }
        assertFalse(listed(ObjectKind.SYSV_SHARED_MEMORY, key), "gone after the last detach");
    }

    /** Whether the OS reports a removed, still attached segment ({@code SHM_DEST}). */
    protected boolean reportsRemoval() {
        return true;
    }

    private boolean listed(ObjectKind kind, int key) {
        String name = String.format("0x%08x", key);
        return platform().list().stream().anyMatch(o -> o.kind() == kind && o.name().equals(name));
    }

    @Test
    void segmentBadInput() {
        int key = keys.next();
        NoSuchIpcObjectException missing = assertThrows(NoSuchIpcObjectException.class,
                () -> systemV().sharedMemory(key, OpenMode.OPEN, 0, Permissions.OWNER_ONLY));
        assertTrue(missing.getMessage().contains("ENOENT"), missing.getMessage());
        SystemV.Segment shm = systemV().sharedMemory(key, OpenMode.CREATE, 4096, Permissions.OWNER_ONLY);
        try {
            IpcObjectExistsException exists = assertThrows(IpcObjectExistsException.class,
                    () -> systemV().sharedMemory(key, OpenMode.CREATE, 4096, Permissions.OWNER_ONLY));
            assertTrue(exists.getMessage().contains(String.format("key 0x%08x", key))
                    && exists.getMessage().contains("EEXIST"), exists.getMessage());
            IpcLimitException larger = assertThrows(IpcLimitException.class,
                    () -> systemV().sharedMemory(key, OpenMode.OPEN, 4097, Permissions.OWNER_ONLY));
            assertTrue(larger.getMessage().contains("4097") && larger.getMessage().contains("4096"),
                    larger.getMessage());
            shm.close();
            assertThrows(IllegalStateException.class, shm::stat);
            assertThrows(IllegalStateException.class, shm::segment);
            assertThrows(IllegalStateException.class, shm::remove);
        } finally {
            shm.close(); // a second close: safe
        }
        IllegalArgumentException privateKey = assertThrows(IllegalArgumentException.class,
                () -> systemV().sharedMemory(0, OpenMode.OPEN_OR_CREATE, 4096, Permissions.OWNER_ONLY));
        assertTrue(privateKey.getMessage().contains("IPC_PRIVATE"), privateKey.getMessage());
        IllegalArgumentException ftokFailure = assertThrows(IllegalArgumentException.class,
                () -> systemV().removeSharedMemory(-1));
        assertTrue(ftokFailure.getMessage().contains("ftok"), ftokFailure.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> systemV().sharedMemory(keys.next(), OpenMode.CREATE, 0, Permissions.OWNER_ONLY));
        assertTrue(zero.getMessage().contains("at least 1 byte"), zero.getMessage());
        long max = systemV().maxSegmentSize();
        if (max < Long.MAX_VALUE) {
            IpcLimitException tooBig = assertThrows(IpcLimitException.class,
                    () -> systemV().sharedMemory(keys.next(), OpenMode.CREATE, max + 1, Permissions.OWNER_ONLY));
            assertTrue(tooBig.getMessage().contains(Long.toString(max)), tooBig.getMessage());
        }
    }

    // ------------------------------------------------------------------ semaphore sets

    @Test
    void createSetsTheInitialValuesAndStatReportsTheSet() {
        int key = keys.next();
        try (SystemV.SemaphoreSet set = systemV().semaphoreSet(key, OpenMode.CREATE, 3, Permissions.ofMode(0640),
                SystemV.DEFAULT_INIT_TIMEOUT, 1, 0, 32767)) {
            assertTrue(set.created());
            assertEquals(3, set.size());
            assertEquals(1, set.value(0));
            assertEquals(0, set.value(1));
            assertEquals(32767, set.value(2));
            SystemV.SemaphoreSet.Stat s = set.stat();
            assertEquals(key, s.key());
            assertEquals(3, s.nsems());
            assertEquals(0640, s.mode());
            assertEquals(ownUid(), s.ownerUid());
            assertEquals(ownUid(), s.creatorUid());
            assertNotEquals(Instant.EPOCH, s.lastOperation(), "initialisation ends with a semop, which sets sem_otime");
            assertTrue(Math.abs(Instant.now().getEpochSecond() - s.lastChange().getEpochSecond()) < 60);
            assertEquals(ProcessHandle.current().pid(), set.lastPid(0));
            try (SystemV.SemaphoreSet again = systemV().semaphoreSet(key, OpenMode.OPEN_OR_CREATE, 3, 9)) {
                assertFalse(again.created());
                assertEquals(1, again.value(0), "opening ignores initial values");
            }
        }
    }

    /** With every value 0 the finishing semop is a wait-for-zero; it must still mark the set initialised. */
    @Test
    void aSetOfZerosIsInitialisedAndOpensAtOnce() {
        int key = keys.next();
        try (SystemV.SemaphoreSet set = systemV().semaphoreSet(key, OpenMode.CREATE, 2)) {
            assertNotEquals(Instant.EPOCH, set.stat().lastOperation());
            long t0 = System.nanoTime();
            try (SystemV.SemaphoreSet opened = systemV().semaphoreSet(key, OpenMode.OPEN, 0)) {
                assertEquals(2, opened.size(), "nsems 0 opens a set of any size and learns it");
                assertEquals(0, opened.value(1));
            }
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "the opener did not wait for initialisation");
        }
    }

    @Test
    void semaphoreOpenModesAndBadArgumentsGiveTypedErrors() {
        int key = keys.next();
        NoSuchIpcObjectException missing = assertThrows(NoSuchIpcObjectException.class,
                () -> systemV().semaphoreSet(key, OpenMode.OPEN, 1));
        assertTrue(missing.getMessage().contains(Integer.toHexString(key)) && missing.getMessage().contains("ENOENT"),
                missing.getMessage());
        try (SystemV.SemaphoreSet set = systemV().semaphoreSet(key, OpenMode.CREATE, 2)) {
            IpcObjectExistsException exists = assertThrows(IpcObjectExistsException.class,
                    () -> systemV().semaphoreSet(key, OpenMode.CREATE, 2));
            assertTrue(exists.getMessage().contains(Integer.toHexString(key)), exists.getMessage());
            IpcException tooMany = assertThrows(IpcException.class, () -> systemV().semaphoreSet(key, OpenMode.OPEN, 5));
            assertTrue(tooMany.getMessage().contains("fewer than 5"), tooMany.getMessage());
            IpcLimitException over = assertThrows(IpcLimitException.class, () -> set.setValue(0, 32768));
            assertTrue(over.getMessage().contains("SEMVMX (32767)"), over.getMessage());
            assertThrows(IllegalArgumentException.class, () -> set.setValue(0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> set.value(2));
            set.setValue(1, 32767);
            IpcLimitException overflow = assertThrows(IpcLimitException.class, () -> set.release(1, false));
            assertTrue(overflow.getMessage().contains("ERANGE"), overflow.getMessage());
        }
        int other = keys.next();
        IpcLimitException initOver = assertThrows(IpcLimitException.class,
                () -> systemV().semaphoreSet(other, OpenMode.CREATE, 1, 40000));
        assertTrue(initOver.getMessage().contains("32767"), initOver.getMessage());
        assertThrows(IllegalArgumentException.class, () -> systemV().semaphoreSet(other, OpenMode.CREATE, 2, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> systemV().semaphoreSet(other, OpenMode.CREATE, 0));
        assertThrows(IllegalArgumentException.class, () -> systemV().semaphoreSet(0, OpenMode.CREATE, 1));
        assertThrows(NoSuchIpcObjectException.class, () -> systemV().semaphoreSet(other, OpenMode.OPEN, 1),
                "failed creates leave nothing behind");
        assertEquals(32767, systemV().maxSemaphoreValue());
    }

    @Test
    void timedOperationsTimeOutAndOperationsChangeValues() {
        try (SystemV.SemaphoreSet set = systemV().semaphoreSet(keys.next(), OpenMode.CREATE, 1)) {
            long t0 = System.nanoTime();
            assertFalse(set.tryAcquire(0, false, Duration.ofMillis(200)));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 190_000_000L, "returned after only " + waited / 1_000_000 + " ms");
            assertFalse(set.tryAcquire(0, false, Duration.ZERO));
            set.release(0, false);
            set.operate(0, 4, false, Duration.ZERO);
            assertEquals(5, set.value(0));
            assertTrue(set.tryAcquire(0, false, Duration.ofSeconds(1)));
            assertFalse(set.operate(0, 0, false, Duration.ofMillis(50)), "wait-for-zero times out at 4");
            assertTrue(set.operate(0, -4, false, Duration.ZERO));
            assertTrue(set.operate(0, 0, false, Duration.ZERO), "wait-for-zero succeeds at 0");
        }
    }

    /** A unit released by another thread while a timed acquire waits is taken within the wait. */
    @Test
    void aTimedAcquireSeesALateRelease() throws Exception {
        try (SystemV.SemaphoreSet set = systemV().semaphoreSet(keys.next(), OpenMode.CREATE, 1)) {
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                set.release(0, false);
            });
            releaser.start();
            long t0 = System.nanoTime();
            assertTrue(set.tryAcquire(0, false, Duration.ofSeconds(20)));
            releaser.join();
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
            assertEquals(0, set.value(0));
        }
    }

    @Test
    void anInterruptEndsAWaitAndTheWaiterIsCounted() throws Exception {
        try (SystemV.SemaphoreSet set = systemV().semaphoreSet(keys.next(), OpenMode.CREATE, 1)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    set.acquire(0, false);
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            t.start();
            if (waitersAreCounted()) {
                long until = System.nanoTime() + 5_000_000_000L;
                while (set.waitingCount(0) == 0 && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                assertEquals(1, set.waitingCount(0));
            } else {
                Thread.sleep(200); // a polling waiter is not queued in the kernel: give it time to start polling
                assertTrue(t.isAlive(), "the waiter should still wait");
                assertEquals(0, set.waitingCount(0), "a polling waiter is not counted");
            }
            t.interrupt();
            t.join(5_000);
            assertFalse(t.isAlive());
            assertTrue(thrown.get() instanceof IpcInterruptedException, String.valueOf(thrown.get()));
        }
    }

    @Test
    void removeDeletesTheSetForEveryone() {
        int key = keys.next();
        SystemV.SemaphoreSet set = systemV().semaphoreSet(key, OpenMode.CREATE, 1, 1);
        try (SystemV.SemaphoreSet other = systemV().semaphoreSet(key, OpenMode.OPEN, 1)) {
            set.remove();
            assertThrows(NoSuchIpcObjectException.class, () -> systemV().semaphoreSet(key, OpenMode.OPEN, 1));
            IpcException gone = assertThrows(IpcException.class, () -> other.value(0));
            assertTrue(gone.getMessage().contains("EINVAL") || gone.getMessage().contains("EIDRM"), gone.getMessage());
            assertFalse(systemV().removeSemaphoreSet(key));
        } finally {
            set.close();
            set.close();
        }
        assertThrows(IllegalStateException.class, () -> set.value(0));
    }

    /** Several child JVMs open-or-create one key at the same instant: one creates, all see its values. */
    @Test
    void concurrentOpenOrCreateHasExactlyOneCreatorAndNoOneSeesUninitialisedValues() {
        int key = keys.next();
        String startAt = Long.toString(System.currentTimeMillis() + 2_000);
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                children.add(ChildJvm.start(SysVSemaphoreChild.class, "race", Integer.toString(key), startAt));
            }
            int creators = 0;
            for (ChildJvm c : children) {
                c.assertSuccess(Duration.ofSeconds(60));
                String out = c.output().trim();
                assertTrue(out.endsWith("values=5,6,7"), out);
                if (out.contains("created=true")) {
                    creators++;
                }
            }
            assertEquals(1, creators, "exactly one child creates the set");
        } finally {
            children.forEach(ChildJvm::close);
        }
    }

    /** A child holding the semaphore with SEM_UNDO is killed: the kernel gives the unit back. */
    @Test
    void semUndoReleasesWhatAKilledChildHeld() throws Exception {
        int key = keys.next();
        try (SystemV.SemaphoreSet set = systemV().semaphoreSet(key, OpenMode.CREATE, 1, 1);
             ChildJvm child = ChildJvm.start(SysVSemaphoreChild.class, "hold", Integer.toString(key))) {
            long until = System.nanoTime() + 30_000_000_000L;
            while (!child.output().contains("held") && System.nanoTime() < until && child.process().isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(child.output().contains("held"), child.output());
            assertEquals(0, set.value(0));
            assertEquals(child.pid(), set.lastPid(0));
            assertFalse(set.tryAcquire(0, false, Duration.ofMillis(100)), "the child holds it");
            child.kill();
            assertTrue(set.tryAcquire(0, false, Duration.ofSeconds(10)), "SEM_UNDO gave the unit back");
        }
    }

    // ------------------------------------------------------------------ message queues

    @Test
    void typeSelectionExactAnyAndLowestUpToABound() {
        try (SystemV.MessageQueue q = systemV().messageQueue(keys.next(), OpenMode.CREATE)) {
            assertTrue(q.created());
            for (String[] m : new String[][] {{"5", "five"}, {"3", "three"}, {"7", "seven"}, {"3", "three-b"}, {"1", "one"}}) {
                assertTrue(q.send(Long.parseLong(m[0]), bytes(m[1]), Duration.ZERO));
            }
            assertEquals("seven", text(q.receive(Selector.exactly(7), 64, false, Duration.ZERO)));
            Message lowest = q.receive(Selector.lowestAtMost(4), 64, false, Duration.ZERO).orElseThrow();
            assertEquals(1, lowest.type());
            assertEquals("one", new String(lowest.data(), StandardCharsets.UTF_8));
            assertEquals("three", text(q.receive(Selector.lowestAtMost(4), 64, false, Duration.ZERO)));
            assertEquals("five", text(q.receive(Selector.any(), 64, false, Duration.ZERO)), "any: the oldest");
            assertEquals(Optional.empty(), q.receive(Selector.exactly(9), 64, false, Duration.ZERO), "IPC_NOWAIT");
            Message last = q.receive(Selector.any(), 64, false, Duration.ZERO).orElseThrow();
            assertEquals(3, last.type());
            assertEquals(0, q.stat().messages());
            assertThrows(IllegalArgumentException.class, () -> Selector.exactly(0));
            assertThrows(IllegalArgumentException.class, () -> q.send(0, bytes("x"), Duration.ZERO));
        }
    }

    @Test
    void aLongMessageIsAnErrorUnlessTruncationIsAsked() {
        try (SystemV.MessageQueue q = systemV().messageQueue(keys.next(), OpenMode.CREATE); Arena a = Arena.ofConfined()) {
            assertTrue(q.send(4, bytes("0123456789"), Duration.ZERO));
            MemorySegment small = a.allocate(4);
            IpcLimitException e = assertThrows(IpcLimitException.class,
                    () -> q.receive(small, Selector.any(), false, null, Duration.ZERO));
            assertTrue(e.getMessage().contains("E2BIG") && e.getMessage().contains("4 bytes"), e.getMessage());
            assertEquals(1, q.stat().messages(), "the message stays in the queue");
            SystemV.MessageQueue.Received r = new SystemV.MessageQueue.Received();
            assertEquals(4, q.receive(small, Selector.any(), true, r, Duration.ZERO));
            assertEquals(4, r.type());
            assertEquals(4, r.size());
            assertEquals("0123", new String(small.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
            assertEquals(0, q.stat().messages(), "MSG_NOERROR drops the rest");
        }
    }

    @Test
    void aTimedReceiveWaitsAboutItsTimeoutAndSeesALateMessage() throws Exception {
        try (SystemV.MessageQueue q = systemV().messageQueue(keys.next(), OpenMode.CREATE)) {
            long t0 = System.nanoTime();
            assertEquals(Optional.empty(), q.receive(Selector.any(), 16, false, Duration.ofMillis(200)));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 190_000_000L, "returned after only " + waited / 1_000_000 + " ms");
            Thread sender = new Thread(() -> q.send(9, bytes("late"), Duration.ZERO));
            sender.start();
            assertEquals("late", text(q.receive(Selector.exactly(9), 16, false, Duration.ofSeconds(10))));
            sender.join();
            Thread t = new Thread(() -> {
                try {
                    q.receive(Selector.any(), 16, false, null);
                } catch (IpcInterruptedException expected) {
                    // the interrupt ends an unbounded poll
                }
            });
            t.start();
            Thread.sleep(100);
            t.interrupt();
            t.join(5_000);
            assertFalse(t.isAlive(), "the interrupt did not end the receive");
        }
    }

    @Test
    void aByteLimitSetWithIpcSetMakesTheQueueFull() {
        try (SystemV.MessageQueue q = systemV().messageQueue(keys.next(), OpenMode.CREATE)) {
            q.setMaxBytes(100);
            assertEquals(100, q.stat().maxBytes());
            assertTrue(q.send(1, new byte[60], Duration.ZERO));
            assertFalse(q.send(1, new byte[60], Duration.ZERO), "IPC_NOWAIT on a full queue");
            long t0 = System.nanoTime();
            assertFalse(q.send(1, new byte[60], Duration.ofMillis(150)));
            assertTrue(System.nanoTime() - t0 >= 140_000_000L);
            IpcLimitException never = assertThrows(IpcLimitException.class, () -> q.send(1, new byte[101], Duration.ofSeconds(5)));
            assertTrue(never.getMessage().contains("101") && never.getMessage().contains("msg_qbytes"), never.getMessage());
            SystemV.MessageQueue.Stat s = q.stat();
            assertEquals(1, s.messages());
            assertEquals(60, s.bytes());
            assertEquals(ProcessHandle.current().pid(), s.lastSendPid());
            assertEquals(0600, s.mode());
            long msgmax = systemV().maxMessageSize();
            if (msgmax > 0) {
                IpcLimitException tooBig = assertThrows(IpcLimitException.class,
                        () -> q.send(1, new byte[(int) msgmax + 1], Duration.ZERO));
                assertTrue(tooBig.getMessage().contains("msgmax"), tooBig.getMessage());
            }
        }
    }

    @Test
    void queueOpenModesRemovalAndUseAfterClose() {
        int key = keys.next();
        assertThrows(NoSuchIpcObjectException.class, () -> systemV().messageQueue(key, OpenMode.OPEN));
        SystemV.MessageQueue q = systemV().messageQueue(key, OpenMode.OPEN_OR_CREATE, Permissions.ofMode(0640));
        assertThrows(IpcObjectExistsException.class, () -> systemV().messageQueue(key, OpenMode.CREATE));
        try (SystemV.MessageQueue other = systemV().messageQueue(key, OpenMode.OPEN_OR_CREATE)) {
            assertFalse(other.created());
            assertEquals(q.id(), other.id());
            assertEquals(0640, other.stat().mode());
            q.remove();
            IpcException gone = assertThrows(IpcException.class, () -> other.send(1, bytes("x"), Duration.ZERO));
            assertTrue(gone.getMessage().contains("removed"), gone.getMessage());
        }
        assertFalse(systemV().removeMessageQueue(key));
        q.close();
        q.close();
        assertThrows(IllegalStateException.class, q::stat);
        assertThrows(IllegalStateException.class, () -> q.send(1, bytes("x"), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> systemV().messageQueue(0, OpenMode.CREATE));
    }

    @Test
    void aChildEchoesMessagesBackByType() {
        int key = keys.next();
        int rounds = 20;
        try (SystemV.MessageQueue q = systemV().messageQueue(key, OpenMode.CREATE);
             ChildJvm child = ChildJvm.start(SysVMessageChild.class, "echo", Integer.toString(key), Integer.toString(rounds))) {
            for (int i = 0; i < rounds; i++) {
                assertTrue(q.send(1, bytes("m" + i), Duration.ofSeconds(5)));
                assertEquals("echo:m" + i, text(q.receive(Selector.exactly(2), 64, false, Duration.ofSeconds(30))),
                        "round " + i + "; child said:\n" + child.output());
            }
            child.assertSuccess(Duration.ofSeconds(30));
            SystemV.MessageQueue.Stat s = q.stat();
            assertEquals(child.pid(), s.lastSendPid());
            assertEquals(ProcessHandle.current().pid(), s.lastReceivePid());
            assertEquals(0, s.messages());
        }
    }

    // ------------------------------------------------------------------ owners (issue 8 §2)

    /**
     * Objects another user created first under a key (mode 0666, so the OS itself would let this
     * process in) are refused by default with the owner and the option named, and opened when the
     * caller accepts another owner.
     */
    @Test
    void anotherUsersObjectsAreRefusedUnlessAccepted() {
        OtherUser.assumeAvailable();
        int shm = keys.next();
        int sem = keys.next();
        int msg = keys.next();
        try (ChildJvm other = OtherUser.jvm(SysVOtherUserPeer.class, "create", Integer.toString(shm),
                Integer.toString(sem), Integer.toString(msg))) {
            other.assertSuccess(Duration.ofSeconds(60));
        }
        String uid = "uid " + OtherUser.UID;
        String option = "Permissions.acceptingForeignOwner()";
        for (OpenMode mode : new OpenMode[] {OpenMode.OPEN, OpenMode.OPEN_OR_CREATE}) {
            refusedNaming(() -> systemV().sharedMemory(shm, mode, mode == OpenMode.OPEN ? 0 : 4096, Permissions.OWNER_ONLY),
                    uid, option);
            refusedNaming(() -> systemV().semaphoreSet(sem, mode, mode == OpenMode.OPEN ? 0 : 1, Permissions.OWNER_ONLY,
                    SystemV.DEFAULT_INIT_TIMEOUT), uid, option);
            refusedNaming(() -> systemV().messageQueue(msg, mode, Permissions.OWNER_ONLY), uid, option);
        }
        Permissions accepting = Permissions.OWNER_ONLY.acceptingForeignOwner();
        try (SystemV.Segment s = systemV().sharedMemory(shm, OpenMode.OPEN, 0, accepting);
             SystemV.SemaphoreSet set = systemV().semaphoreSet(sem, OpenMode.OPEN, 0, accepting, SystemV.DEFAULT_INIT_TIMEOUT);
             SystemV.MessageQueue q = systemV().messageQueue(msg, OpenMode.OPEN, accepting)) {
            assertEquals(OtherUser.UID, s.stat().ownerUid());
            assertEquals(1, set.value(0));
            assertEquals(OtherUser.UID, q.stat().ownerUid());
        }
    }

    /** The other direction: this user's objects, even mode 0666, are refused to the other user unless it accepts. */
    @Test
    void thisUsersObjectsAreRefusedToAnotherUserUnlessAccepted() {
        OtherUser.assumeAvailable();
        int shm = keys.next();
        int sem = keys.next();
        int msg = keys.next();
        systemV().sharedMemory(shm, OpenMode.CREATE, 4096, Permissions.everyone()).close();
        systemV().semaphoreSet(sem, OpenMode.CREATE, 1, Permissions.everyone(), SystemV.DEFAULT_INIT_TIMEOUT).close();
        systemV().messageQueue(msg, OpenMode.CREATE, Permissions.everyone()).close();
        try (ChildJvm other = OtherUser.jvm(SysVOtherUserPeer.class, "open", Integer.toString(shm),
                Integer.toString(sem), Integer.toString(msg))) {
            other.assertSuccess(Duration.ofSeconds(60));
            List<String> lines = other.output().lines().toList();
            String self = "uid " + ownUid();
            for (String kind : new String[] {"shm", "sem", "msg"}) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("refused " + kind + ": ") && l.contains(self)
                        && l.contains("Permissions.acceptingForeignOwner()")), kind + " default:\n" + other.output());
                assertTrue(lines.contains("opened " + kind + " accepting"), kind + " accepting:\n" + other.output());
            }
        }
    }

    private static void refusedNaming(org.junit.jupiter.api.function.Executable open, String... mentions) {
        IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class, open);
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "should mention '" + m + "': " + e.getMessage());
        }
    }

    /** The listing shows each kind by its key (portable: the platform's own list). */
    @Test
    void theListingShowsEachKindByKey() {
        int shmKey = keys.next();
        int semKey = keys.next();
        int msgKey = keys.next();
        try (SystemV.Segment shm = systemV().sharedMemory(shmKey, OpenMode.CREATE, 4096, Permissions.OWNER_ONLY);
             SystemV.SemaphoreSet sem = systemV().semaphoreSet(semKey, OpenMode.CREATE, 1);
             SystemV.MessageQueue msg = systemV().messageQueue(msgKey, OpenMode.CREATE)) {
            List<IpcObjectInfo> all = platform().list();
            assertTrue(listed(ObjectKind.SYSV_SHARED_MEMORY, shmKey), "segment not listed: " + all);
            assertTrue(listed(ObjectKind.SYSV_SEMAPHORE_SET, semKey), "set not listed: " + all);
            assertTrue(listed(ObjectKind.SYSV_MESSAGE_QUEUE, msgKey), "queue not listed: " + all);
        }
    }
}
