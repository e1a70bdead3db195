package io.ffmipc.linux;

import io.ffmipc.IpcException;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.SysVKeysToRemove;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(LeakCheck.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SysVSemaphoreSetTest {
    @RegisterExtension
    final SysVKeysToRemove keys = new SysVKeysToRemove(SysVSemaphoreSet::remove);

    @Test
    void createSetsTheInitialValuesAndStatReportsTheSet() throws Exception {
        int key = keys.next();
        try (SysVSemaphoreSet set = SysVSemaphoreSet.open(key, OpenMode.CREATE, 3, Permissions.ofMode(0640),
                SysVSemaphoreSet.DEFAULT_INIT_TIMEOUT, 1, 0, 32767)) {
            assertTrue(set.created());
            assertEquals(3, set.size());
            assertEquals(1, set.value(0));
            assertEquals(0, set.value(1));
            assertEquals(32767, set.value(2));
            SysVSemaphoreSet.Stat s = set.stat();
            assertEquals(key, s.key());
            assertEquals(3, s.nsems());
            assertEquals(0640, s.mode());
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            assertEquals(uid, s.ownerUid());
            assertEquals(uid, s.creatorUid());
            assertNotEquals(Instant.EPOCH, s.lastOperation(), "initialisation ends with a semop, which sets sem_otime");
            assertTrue(Math.abs(Instant.now().getEpochSecond() - s.lastChange().getEpochSecond()) < 60);
            assertEquals(ProcessHandle.current().pid(), set.lastPid(0));
            try (SysVSemaphoreSet again = SysVSemaphoreSet.open(key, OpenMode.OPEN_OR_CREATE, 3, 9)) {
                assertFalse(again.created());
                assertEquals(1, again.value(0), "opening ignores initial values");
            }
        }
    }

    /** With every value 0 the finishing semop is a wait-for-zero; it must still mark the set initialised. */
    @Test
    void aSetOfZerosIsInitialisedAndOpensAtOnce() {
        int key = keys.next();
        try (SysVSemaphoreSet set = SysVSemaphoreSet.open(key, OpenMode.CREATE, 2)) {
            assertNotEquals(Instant.EPOCH, set.stat().lastOperation());
            long t0 = System.nanoTime();
            try (SysVSemaphoreSet opened = SysVSemaphoreSet.open(key, OpenMode.OPEN, 0)) {
                assertEquals(2, opened.size(), "nsems 0 opens a set of any size and learns it");
                assertEquals(0, opened.value(1));
            }
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "the opener did not wait for initialisation");
        }
    }

    @Test
    void openModesAndBadArgumentsGiveTypedErrors() {
        int key = keys.next();
        NoSuchIpcObjectException missing = assertThrows(NoSuchIpcObjectException.class,
                () -> SysVSemaphoreSet.open(key, OpenMode.OPEN, 1));
        assertTrue(missing.getMessage().contains(Integer.toHexString(key)) && missing.getMessage().contains("ENOENT"),
                missing.getMessage());
        try (SysVSemaphoreSet set = SysVSemaphoreSet.open(key, OpenMode.CREATE, 2)) {
            IpcObjectExistsException exists = assertThrows(IpcObjectExistsException.class,
                    () -> SysVSemaphoreSet.open(key, OpenMode.CREATE, 2));
            assertTrue(exists.getMessage().contains(Integer.toHexString(key)), exists.getMessage());
            IpcException tooMany = assertThrows(IpcException.class, () -> SysVSemaphoreSet.open(key, OpenMode.OPEN, 5));
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
                () -> SysVSemaphoreSet.open(other, OpenMode.CREATE, 1, 40000));
        assertTrue(initOver.getMessage().contains("32767"), initOver.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SysVSemaphoreSet.open(other, OpenMode.CREATE, 2, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> SysVSemaphoreSet.open(other, OpenMode.CREATE, 0));
        assertThrows(IllegalArgumentException.class, () -> SysVSemaphoreSet.open(0, OpenMode.CREATE, 1));
        // -1 (a failed ftok's key) is refused like IPC_PRIVATE, as for shared memory and message queues
        IllegalArgumentException ftok = assertThrows(IllegalArgumentException.class,
                () -> SysVSemaphoreSet.open(-1, OpenMode.CREATE, 1));
        assertTrue(ftok.getMessage().contains("failed ftok"), ftok.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SysVSemaphoreSet.remove(-1));
        assertThrows(NoSuchIpcObjectException.class, () -> SysVSemaphoreSet.open(other, OpenMode.OPEN, 1),
                "failed creates leave nothing behind");
    }

    @Test
    void timedOperationsTimeOutAndOperationsChangeValues() {
        try (SysVSemaphoreSet set = SysVSemaphoreSet.open(keys.next(), OpenMode.CREATE, 1)) {
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

    @Test
    void anInterruptEndsAWaitAndTheWaiterIsCounted() throws Exception {
        try (SysVSemaphoreSet set = SysVSemaphoreSet.open(keys.next(), OpenMode.CREATE, 1)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    set.acquire(0, false);
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            t.start();
            long until = System.nanoTime() + 5_000_000_000L;
            while (set.waitingCount(0) == 0 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertEquals(1, set.waitingCount(0));
            t.interrupt();
            t.join(5_000);
            assertFalse(t.isAlive());
            assertTrue(thrown.get() instanceof IpcInterruptedException, String.valueOf(thrown.get()));
        }
    }

    @Test
    void removeDeletesTheSetForEveryone() {
        int key = keys.next();
        SysVSemaphoreSet set = SysVSemaphoreSet.open(key, OpenMode.CREATE, 1, 1);
        try (SysVSemaphoreSet other = SysVSemaphoreSet.open(key, OpenMode.OPEN, 1)) {
            set.remove();
            assertThrows(NoSuchIpcObjectException.class, () -> SysVSemaphoreSet.open(key, OpenMode.OPEN, 1));
            IpcException gone = assertThrows(IpcException.class, () -> other.value(0));
            assertTrue(gone.getMessage().contains("EINVAL") || gone.getMessage().contains("EIDRM"), gone.getMessage());
            assertFalse(SysVSemaphoreSet.remove(key));
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
        try (SysVSemaphoreSet set = SysVSemaphoreSet.open(key, OpenMode.CREATE, 1, 1);
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
}
