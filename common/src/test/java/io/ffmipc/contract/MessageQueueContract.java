package io.ffmipc.contract;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueue.Message;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.MessageTooLargeException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.Received;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.InterruptedWait;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.NameLifetime;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every provider's named {@link MessageQueue} must do. Subclass per OS with {@link #platform()}.
 * Queues are small (at most 10 messages of at most 8192 bytes), within every OS's unprivileged
 * limits. Every queue a test creates is removed in {@link #removeCreated()}, pass or fail.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class MessageQueueContract {
    private final List<String> created = new ArrayList<>();

    protected abstract IpcPlatform platform();

    /**
     * The child JVM's main class for the cross-process tests: {@link MessageQueueChild} uses
     * {@code Ipc.platform()}; a test platform passes its own (its main calls {@link MessageQueueChild#run}).
     */
    protected Class<?> childMain() {
        return MessageQueueChild.class;
    }

    /** A fresh name, removed after the test. */
    protected String newName() {
        String n = TestNames.unique("mq");
        created.add(n);
        return n;
    }

    protected MessageQueue create(int maxMessages, int maxMessageSize) {
        return platform().messageQueue(newName(), OpenMode.CREATE,
                MessageQueueOptions.defaults().withMaxMessages(maxMessages).withMaxMessageSize(maxMessageSize));
    }

    /**
     * Why a priority test is skipped: it names the queue, not the OS, since one OS offers queues
     * with priorities (POSIX mq on Linux) beside queues without (the portable shared-memory queue).
     */
    protected static String lacksPriorities(MessageQueue q, int needed) {
        return q + " has no message priorities up to " + needed + " (its maxPriority() is " + q.maxPriority() + ")";
    }

    @AfterEach
    void removeCreated() {
        for (String n : created) {
            platform().removeMessageQueue(n);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<Message> m) {
        return new String(m.orElseThrow(() -> new AssertionError("no message")).data(), StandardCharsets.UTF_8);
    }

    @Test
    void createThenOpenSharesMessagesAndTheCreatorsSizes() {
        String name = newName();
        MessageQueueOptions opts = MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(100);
        try (MessageQueue a = platform().messageQueue(name, OpenMode.CREATE, opts);
             MessageQueue b = platform().messageQueue(name, OpenMode.OPEN);
             MessageQueue c = platform().messageQueue(name, OpenMode.OPEN_OR_CREATE)) {
            assertEquals(name, a.name());
            assertEquals(4, b.maxMessages(), "OPEN takes the creator's depth");
            assertEquals(100, c.maxMessageSize(), "OPEN_OR_CREATE of an existing queue takes the creator's size");
            assertTrue(a.send(bytes("hello"), 0, Duration.ofSeconds(1)));
            assertEquals(1, b.depth());
            assertEquals(new MessageQueue.Attributes(4, 100, 1, false), c.attributes());
            assertEquals("hello", text(b.receive(Duration.ofSeconds(1))));
            assertEquals(0, a.depth());
        }
    }

    @Test
    void exclusiveCreateOfAnExistingQueueAndOpeningAMissingOneFail() {
        String name = newName();
        try (MessageQueue a = platform().messageQueue(name, OpenMode.CREATE)) {
            IpcObjectExistsException e = assertThrows(IpcObjectExistsException.class,
                    () -> platform().messageQueue(name, OpenMode.CREATE));
            assertEquals(name, e.objectName().orElseThrow());
        }
        String missing = TestNames.unique("mq-missing");
        NoSuchIpcObjectException e = assertThrows(NoSuchIpcObjectException.class,
                () -> platform().messageQueue(missing, OpenMode.OPEN));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
        assertTrue(e.getMessage().endsWith("no message queue with this name (OpenMode.OPEN does not create)"),
                e.getMessage());
        assertFalse(platform().removeMessageQueue(missing));
    }

    @Test
    void higherPrioritiesComeFirstAndEqualOnesInOrder() {
        try (MessageQueue q = create(10, 64)) {
            Assumptions.assumeTrue(q.maxPriority() > 0, () -> lacksPriorities(q, 1));
            int top = q.maxPriority();
            String[][] sent = {{"a", "1"}, {"b", "5"}, {"c", "1"}, {"d", Integer.toString(top)}, {"e", "0"}, {"f", "5"}};
            for (String[] s : sent) {
                assertTrue(q.trySend(bytes(s[0]), Integer.parseInt(s[1])));
            }
            List<String> got = new ArrayList<>();
            List<Integer> prios = new ArrayList<>();
            for (int i = 0; i < sent.length; i++) {
                Message m = q.tryReceive().orElseThrow();
                got.add(new String(m.data(), StandardCharsets.UTF_8));
                prios.add(m.priority());
            }
            assertEquals(List.of("d", "b", "f", "a", "c", "e"), got);
            assertEquals(List.of(top, 5, 5, 1, 1, 0), prios);
            assertThrows(IllegalArgumentException.class, () -> q.trySend(bytes("x"), top + 1));
            assertThrows(IllegalArgumentException.class, () -> q.trySend(bytes("x"), -1));
        }
    }

    @Test
    void zeroCopyFormsReportSizeAndPriorityThroughAReusableHolder() {
        try (MessageQueue q = create(4, 32); Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(16);
            out.fill((byte) 7);
            MemorySegment in = arena.allocate(32);
            Received r = new Received();
            assertTrue(q.send(out, q.maxPriority() > 0 ? 1 : 0, Duration.ofSeconds(1)));
            assertEquals(16, q.receive(in, r, Duration.ofSeconds(1)));
            assertEquals(16, r.size());
            assertEquals(q.maxPriority() > 0 ? 1 : 0, r.priority());
            assertEquals(7, in.get(ValueLayout.JAVA_BYTE, 15));
            assertEquals(-1, q.tryReceive(in, r), "empty queue");
            assertEquals(-1, r.size());
            // heap segments work as well (staged through native memory)
            byte[] heap = new byte[32];
            assertTrue(q.trySend(MemorySegment.ofArray(new byte[] {1, 2, 3}), 0));
            assertEquals(3, q.receive(MemorySegment.ofArray(heap), Duration.ofSeconds(1)));
            assertArrayEquals(new byte[] {1, 2, 3}, java.util.Arrays.copyOf(heap, 3));
            // an empty message is a message
            assertTrue(q.trySend(new byte[0], 0));
            assertEquals(0, q.tryReceive().orElseThrow().data().length);
        }
    }

    @Test
    void receiveTimesOutAfterAboutTheTimeout() {
        try (MessageQueue q = create(2, 16)) {
            long t0 = System.nanoTime();
            assertEquals(Optional.empty(), q.receive(Duration.ofMillis(200)));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 190_000_000L, "returned after only " + waited / 1_000_000 + " ms");
            assertEquals(Optional.empty(), q.tryReceive());
        }
    }

    @Test
    void aFullQueueRefusesAtOnceTimesOutOrWaitsForRoom() throws Exception {
        try (MessageQueue q = create(2, 16)) {
            assertTrue(q.trySend(bytes("1"), 0));
            assertTrue(q.trySend(bytes("2"), 0));
            assertFalse(q.trySend(bytes("3"), 0), "full: trySend refuses at once");
            long t0 = System.nanoTime();
            assertFalse(q.send(bytes("3"), 0, Duration.ofMillis(200)), "full: a timed send times out");
            assertTrue(System.nanoTime() - t0 >= 190_000_000L);
            assertEquals(2, q.depth(), "nothing was added by the failed sends");
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> q.send(MemorySegment.ofArray(bytes("3")), 0));
            Thread.sleep(150);
            assertFalse(blocked.isDone(), "a send without timeout waits for room");
            assertEquals("1", text(q.tryReceive()));
            blocked.get(10, TimeUnit.SECONDS);
            assertEquals("2", text(q.tryReceive()));
            assertEquals("3", text(q.tryReceive()));
        }
    }

    @Test
    void anOversizedMessageIsRefusedNamingBothSizes() {
        try (MessageQueue q = create(2, 16)) {
            IpcLimitException e = assertThrows(IpcLimitException.class, () -> q.trySend(new byte[17], 0));
            assertTrue(e.getMessage().contains("17") && e.getMessage().contains("16"), e.getMessage());
            // one mistake, one error: the type the channel and the message pipe use too, with both sizes
            MessageTooLargeException typed = assertInstanceOf(MessageTooLargeException.class, e);
            assertEquals(17, typed.messageSize());
            assertEquals(16, typed.maxMessageSize());
            assertEquals(0, q.depth());
            assertTrue(q.trySend(new byte[16], 0), "exactly the maximum fits");
        }
    }

    @Test
    void aReceiveBufferSmallerThanTheMaximumIsRefusedNamingBothSizes() {
        try (MessageQueue q = create(2, 64); Arena arena = Arena.ofConfined()) {
            assertTrue(q.trySend(bytes("short"), 0));
            IpcLimitException e = assertThrows(IpcLimitException.class,
                    () -> q.receive(arena.allocate(63), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("63") && e.getMessage().contains("64"), e.getMessage());
            ReceiveBufferTooSmallException typed = assertInstanceOf(ReceiveBufferTooSmallException.class, e);
            assertEquals(64, typed.messageSize(), "the largest message, which every buffer must hold");
            assertEquals(63, typed.bufferSize());
            assertEquals(1, q.depth(), "the message stays in the queue");
        }
    }

    @Test
    void invalidNamesAndOptionsAreRejectedWithTheRule() {
        InvalidNameException slash = assertThrows(InvalidNameException.class,
                () -> platform().messageQueue("a/b", OpenMode.CREATE));
        assertTrue(slash.getMessage().contains("'/'"), slash.getMessage());
        assertThrows(InvalidNameException.class, () -> platform().messageQueue("", OpenMode.CREATE));
        assertThrows(InvalidNameException.class, () -> platform().messageQueue(null, OpenMode.CREATE));
        assertThrows(InvalidNameException.class, () -> platform().removeMessageQueue("-x"));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> MessageQueueOptions.defaults().withMaxMessages(0));
        assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MessageQueueOptions.defaults().withMaxMessageSize(-5));
    }

    @Test
    void unlinkForgetsTheNameButOpenHandlesKeepWorking() {
        String name = newName();
        try (MessageQueue q = platform().messageQueue(name, OpenMode.CREATE)) {
            q.unlink();
            if (NameLifetime.persistent(platform())) {
                assertThrows(NoSuchIpcObjectException.class, () -> platform().messageQueue(name, OpenMode.OPEN));
            }
            assertTrue(q.trySend(bytes("still"), 0));
            assertEquals("still", text(q.tryReceive()));
        }
        String other = newName();
        platform().messageQueue(other, OpenMode.CREATE).close();
        assertEquals(NameLifetime.persistent(platform()), platform().removeMessageQueue(other),
                "removed where names persist; elsewhere it went with its last handle");
        assertFalse(platform().removeMessageQueue(other));
        assertThrows(NoSuchIpcObjectException.class, () -> platform().messageQueue(other, OpenMode.OPEN));
    }

    @Test
    void nonBlockingModeReturnsAtOnceWhateverTheTimeout() {
        try (MessageQueue q = create(1, 16)) {
            assertFalse(q.isNonBlocking());
            q.setNonBlocking(true);
            assertTrue(q.isNonBlocking());
            long t0 = System.nanoTime();
            assertEquals(Optional.empty(), q.receive(Duration.ofSeconds(10)));
            assertTrue(q.send(bytes("x"), 0, Duration.ofSeconds(10)));
            assertFalse(q.send(bytes("y"), 0, Duration.ofSeconds(10)));
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "non-blocking calls waited");
            q.setNonBlocking(false);
            assertFalse(q.attributes().nonBlocking());
            assertEquals("x", text(q.receive(Duration.ofSeconds(1))));
        }
    }

    @Test
    void anInterruptEndsAReceiveAndStaysSet() throws Exception {
        try (MessageQueue q = create(2, 16)) {
            InterruptedWait.assertInterruptEnds(() -> q.receive(null));
        }
    }

    @Test
    void useAfterCloseThrowsCloseTwiceIsSafeAndCloseEndsAWait() throws Exception {
        MessageQueue q = create(2, 16);
        CompletableFuture<Optional<Message>> waiter = CompletableFuture.supplyAsync(() -> q.receive(Duration.ofSeconds(30)));
        Thread.sleep(100);
        q.close();
        q.close();
        Throwable e = assertThrows(Exception.class, () -> waiter.get(5, TimeUnit.SECONDS)).getCause();
        assertTrue(e instanceof IllegalStateException, String.valueOf(e));
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> q.trySend(new byte[1], 0));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(IllegalStateException.class, q::tryReceive);
        assertThrows(IllegalStateException.class, q::depth);
        assertThrows(IllegalStateException.class, q::attributes);
        assertThrows(IllegalStateException.class, () -> q.setNonBlocking(true));
        assertThrows(IllegalStateException.class, q::unlink);
    }

    /** A child sends with priorities and exits; the parent then receives them highest first. */
    @Test
    void aChildsMessagesArriveInPriorityOrder() {
        String name = newName();
        try (MessageQueue q = platform().messageQueue(name, OpenMode.CREATE)) {
            Assumptions.assumeTrue(q.maxPriority() >= 9, () -> lacksPriorities(q, 9));
            try (ChildJvm child = ChildJvm.start(childMain(), "priorities", name,
                    "low:1", "high:9", "mid:5", "high2:9", "zero:0")) {
                child.assertSuccess(Duration.ofSeconds(30));
            }
            List<String> got = new ArrayList<>();
            Message m;
            while ((m = q.tryReceive().orElse(null)) != null) {
                got.add(new String(m.data(), StandardCharsets.UTF_8) + ":" + m.priority());
            }
            assertEquals(List.of("high:9", "high2:9", "mid:5", "low:1", "zero:0"), got);
        }
    }

    /**
     * Three producer processes each send 2000 numbered messages into one small queue (so they
     * block on it often) while the parent consumes: nothing may be lost or duplicated, and each
     * producer's messages must arrive in the order it sent them.
     */
    @Test
    void manyProducerProcessesLoseDuplicateAndReorderNothing() {
        int producers = 3;
        int perProducer = 2000;
        String name = newName();
        try (MessageQueue q = platform().messageQueue(name, OpenMode.CREATE,
                MessageQueueOptions.defaults().withMaxMessages(8).withMaxMessageSize(8));
             Arena arena = Arena.ofConfined()) {
            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int p = 0; p < producers; p++) {
                    children.add(ChildJvm.start(childMain(), "produce", name, Integer.toString(p),
                            Integer.toString(perProducer)));
                }
                int[] next = new int[producers];
                MemorySegment buf = arena.allocate(8);
                Received r = new Received();
                for (int i = 0; i < producers * perProducer; i++) {
                    long n = q.receive(buf, r, Duration.ofSeconds(30));
                    if (n < 0) {
                        StringBuilder out = new StringBuilder();
                        children.forEach(c -> out.append(c.output()));
                        throw new AssertionError("message " + i + " did not arrive; next expected " +
                                java.util.Arrays.toString(next) + "; children said:\n" + out);
                    }
                    assertEquals(8, n);
                    int producer = buf.get(ValueLayout.JAVA_INT, 0);
                    int seq = buf.get(ValueLayout.JAVA_INT, 4);
                    assertTrue(producer >= 0 && producer < producers, "unknown producer " + producer);
                    assertEquals(next[producer], seq, "producer " + producer + ": lost, duplicated or reordered");
                    next[producer]++;
                }
                for (ChildJvm c : children) {
                    c.assertSuccess(Duration.ofSeconds(30));
                }
                assertEquals(-1, q.tryReceive(buf, r), "nothing beyond what was sent");
            } finally {
                children.forEach(ChildJvm::close);
            }
        }
    }
}
