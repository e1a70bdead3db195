package io.ffmipc.linux;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.linux.SysVMessageQueue.Message;
import io.ffmipc.linux.SysVMessageQueue.Selector;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.SysVKeysToRemove;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SysVMessageQueueTest {
    @RegisterExtension
    final SysVKeysToRemove keys = new SysVKeysToRemove(SysVMessageQueue::remove);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<Message> m) {
        return new String(m.orElseThrow(() -> new AssertionError("no message")).data(), StandardCharsets.UTF_8);
    }

    @Test
    void typeSelectionExactAnyAndLowestUpToABound() {
        try (SysVMessageQueue q = SysVMessageQueue.open(keys.next(), OpenMode.CREATE)) {
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
        try (SysVMessageQueue q = SysVMessageQueue.open(keys.next(), OpenMode.CREATE); Arena a = Arena.ofConfined()) {
            assertTrue(q.send(4, bytes("0123456789"), Duration.ZERO));
            MemorySegment small = a.allocate(4);
            IpcLimitException e = assertThrows(IpcLimitException.class,
                    () -> q.receive(small, Selector.any(), false, null, Duration.ZERO));
            assertTrue(e.getMessage().contains("E2BIG") && e.getMessage().contains("4 bytes"), e.getMessage());
            assertEquals(1, q.stat().messages(), "the message stays in the queue");
            SysVMessageQueue.Received r = new SysVMessageQueue.Received();
            assertEquals(4, q.receive(small, Selector.any(), true, r, Duration.ZERO));
            assertEquals(4, r.type());
            assertEquals(4, r.size());
            assertEquals("0123", new String(small.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
            assertEquals(0, q.stat().messages(), "MSG_NOERROR drops the rest");
        }
    }

    @Test
    void aTimedReceiveWaitsAboutItsTimeoutAndSeesALateMessage() throws Exception {
        try (SysVMessageQueue q = SysVMessageQueue.open(keys.next(), OpenMode.CREATE)) {
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
                } catch (io.ffmipc.IpcInterruptedException expected) {
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
        try (SysVMessageQueue q = SysVMessageQueue.open(keys.next(), OpenMode.CREATE)) {
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> q.setMaxBytes(0));
            assertTrue(none.getMessage().contains("a queue of 0 bytes holds no message"), none.getMessage());
            q.setMaxBytes(100);
            assertEquals(100, q.stat().maxBytes());
            assertTrue(q.send(1, new byte[60], Duration.ZERO));
            assertFalse(q.send(1, new byte[60], Duration.ZERO), "IPC_NOWAIT on a full queue");
            long t0 = System.nanoTime();
            assertFalse(q.send(1, new byte[60], Duration.ofMillis(150)));
            assertTrue(System.nanoTime() - t0 >= 140_000_000L);
            IpcLimitException never = assertThrows(IpcLimitException.class, () -> q.send(1, new byte[101], Duration.ofSeconds(5)));
            assertTrue(never.getMessage().contains("101") && never.getMessage().contains("msg_qbytes"), never.getMessage());
            SysVMessageQueue.Stat s = q.stat();
            assertEquals(1, s.messages());
            assertEquals(60, s.bytes());
            assertEquals(ProcessHandle.current().pid(), s.lastSendPid());
            assertEquals(0600, s.mode());
            IpcLimitException tooBig = assertThrows(IpcLimitException.class,
                    () -> q.send(1, new byte[(int) SysVMessageQueue.msgmax() + 1], Duration.ZERO));
            assertTrue(tooBig.getMessage().contains("/proc/sys/kernel/msgmax"), tooBig.getMessage());
        }
    }

    @Test
    void openModesRemovalAndUseAfterClose() {
        int key = keys.next();
        assertThrows(NoSuchIpcObjectException.class, () -> SysVMessageQueue.open(key, OpenMode.OPEN));
        SysVMessageQueue q = SysVMessageQueue.open(key, OpenMode.OPEN_OR_CREATE, Permissions.ofMode(0640));
        assertThrows(IpcObjectExistsException.class, () -> SysVMessageQueue.open(key, OpenMode.CREATE));
        try (SysVMessageQueue other = SysVMessageQueue.open(key, OpenMode.OPEN_OR_CREATE)) {
            assertFalse(other.created());
            assertEquals(q.id(), other.id());
            assertEquals(0640, other.stat().mode());
            q.remove();
            IpcException gone = assertThrows(IpcException.class, () -> other.send(1, bytes("x"), Duration.ZERO));
            assertTrue(gone.getMessage().contains("removed"), gone.getMessage());
        }
        assertFalse(SysVMessageQueue.remove(key));
        q.close();
        q.close();
        assertThrows(IllegalStateException.class, q::stat);
        assertThrows(IllegalStateException.class, () -> q.send(1, bytes("x"), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SysVMessageQueue.open(0, OpenMode.CREATE));
        // -1 (a failed ftok's key) is refused like IPC_PRIVATE, as for shared memory and semaphore sets
        IllegalArgumentException ftok = assertThrows(IllegalArgumentException.class,
                () -> SysVMessageQueue.open(-1, OpenMode.CREATE));
        assertTrue(ftok.getMessage().contains("failed ftok"), ftok.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SysVMessageQueue.remove(-1));
    }

    @Test
    void aChildEchoesMessagesBackByType() {
        int key = keys.next();
        int rounds = 20;
        try (SysVMessageQueue q = SysVMessageQueue.open(key, OpenMode.CREATE);
             ChildJvm child = ChildJvm.start(SysVMessageChild.class, "echo", Integer.toString(key), Integer.toString(rounds))) {
            for (int i = 0; i < rounds; i++) {
                assertTrue(q.send(1, bytes("m" + i), Duration.ofSeconds(5)));
                assertEquals("echo:m" + i, text(q.receive(Selector.exactly(2), 64, false, Duration.ofSeconds(30))),
                        "round " + i + "; child said:\n" + child.output());
            }
            child.assertSuccess(Duration.ofSeconds(30));
            SysVMessageQueue.Stat s = q.stat();
            assertEquals(child.pid(), s.lastSendPid());
            assertEquals(ProcessHandle.current().pid(), s.lastReceivePid());
            assertEquals(0, s.messages());
        }
    }
}
