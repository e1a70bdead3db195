package io.ffmipc.contract;

import io.ffmipc.ChannelCorruptedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.channel.ChannelMessageQueue;
import io.ffmipc.channel.QueueDescriptor;
import io.ffmipc.channel.RingDescriptor;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.SeamsWithout;
import io.ffmipc.testkit.StructureMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The message queue contract on the portable shared-memory queue ({@link ChannelMessageQueue}: what
 * an OS without a message queue of its own offers, and what every platform offers as
 * {@link IpcPlatform#sharedMemoryMessageQueue}), plus what is specific to it: FIFO only, a stalled
 * claim reported, the receive turn of a dead or absent receiver taken over under the queue's liveness
 * rule, close while parked, foreign memory refused. Subclass per provider with {@link #platform()}:
 * a platform whose {@code messageQueue} is this queue ({@link #portableQueues} of the provider's).
 * What the provider's seams lack (presence, a wait seam) the tests that need it skip, naming it.
 */
public abstract class SharedMemoryQueueContract extends MessageQueueContract {

    /**
     * {@code real}'s platform without the OS's message queue, so that {@code messageQueue} is the
     * portable shared-memory queue (as on Windows and macOS, where it is so already).
     */
    public static IpcPlatform portableQueues(IpcPlatform real) {
        return SeamsWithout.platform(real, SeamsWithout::messageQueues);
    }

    /**
     * The child runs {@link #portableQueues} of {@code Ipc.platform()}: the same queue, on the
     * provider's seams. A test platform with fewer seams passes its own main.
     */
    @Override
    protected Class<?> childMain() {
        return SharedMemoryQueueChild.class;
    }

    /**
     * Without the presence seam: queues this platform creates judge liveness by pid and start time,
     * as on an OS without presence (handles of other platforms follow the rule the creator recorded).
     */
    private IpcPlatform withoutPresence() {
        return SeamsWithout.platform(platform(), SeamsWithout::messageQueuesAndPresence);
    }

    private PlatformSeams seams() {
        return StructureMemory.seams(platform());
    }

    private void assumePresence(String why) {
        assumeTrue(seams().presence().isPresent(), "this platform offers no presence seam (its queues judge"
                + " liveness by pid and start time): " + why);
    }

    private SharedMemory memoryOf(String name) {
        return StructureMemory.open(platform(), "mq", name);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<MessageQueue.Message> m) {
        return new String(m.orElseThrow(() -> new AssertionError("no message")).data(), StandardCharsets.UTF_8);
    }

    /** The contract's priority tests are skipped here; the reason names this queue, not "this OS". */
    @Test
    void priorityTestsAreSkippedNamingTheQueue() {
        try (MessageQueue q = create(2, 8)) {
            String reason = lacksPriorities(q, 9);
            assertTrue(reason.startsWith("message queue '" + q.name() + "' (shared-memory ring of "), reason);
            assertTrue(reason.endsWith("has no message priorities up to 9 (its maxPriority() is 0)"), reason);
        }
    }

    @Test
    void isFifoOnlyAndRefusesAPriority() {
        try (MessageQueue q = create(2, 8)) {
            assertEquals(0, q.maxPriority());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.trySend(new byte[1], 1));
            assertTrue(e.getMessage().contains("FIFO") && e.getMessage().contains(q.name()), e.getMessage());
            assertEquals(0, q.depth());
        }
    }

    @Test
    void aChildReceivesWhatTheParentSent() {
        String name = newName();
        try (MessageQueue q = platform().messageQueue(name, OpenMode.CREATE,
                MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(8))) {
            // the child sends; then the parent sends and a second handle (another receiver) takes it
            try (ChildJvm child = ChildJvm.start(childMain(), "priorities", name, "one:0", "two:0")) {
                child.assertSuccess(Duration.ofSeconds(30));
            }
            try (MessageQueue other = platform().messageQueue(name, OpenMode.OPEN)) {
                assertEquals("one", text(other.tryReceive()));
                assertEquals("two", text(q.tryReceive()));
                assertEquals(Optional.empty(), other.tryReceive());
            }
        }
    }

    /**
     * What a sender killed between claiming ring space and publishing its message leaves behind:
     * the producer position moved past a record whose length is still 0. Receivers poll turn by
     * turn; the stall clock must survive the turns and report it after STALL_TIMEOUT, naming the
     * position, instead of timing out silently forever. Messages before the claim still arrive.
     */
    @Test
    void aClaimThatIsNeverPublishedIsReportedAfterTheStallTimeout() {
        try (MessageQueue q = create(4, 8);
             SharedMemory shm = memoryOf(q.name())) {
            assertTrue(q.trySend(bytes("before"), 0));
            long producerPosition = QueueDescriptor.RING_OFFSET + RingDescriptor.PRODUCER_POSITION_OFFSET;
            long tail = shm.segment().get(ValueLayout.JAVA_LONG, producerPosition);
            shm.segment().set(ValueLayout.JAVA_LONG, producerPosition, tail + RingDescriptor.aligned(RingDescriptor.RECORD_HEADER + 8));

            assertEquals("before", text(q.receive(Duration.ofSeconds(5))));
            long start = System.nanoTime();
            IpcException e = assertThrows(IpcException.class,
                    () -> q.receive(ChannelMessageQueue.STALL_TIMEOUT.plusSeconds(20)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(e.getMessage().contains("position " + tail) && e.getMessage().contains("claimed but not written"),
                    e.getMessage());
            assertTrue(took.compareTo(ChannelMessageQueue.STALL_TIMEOUT) >= 0
                    && took.compareTo(ChannelMessageQueue.STALL_TIMEOUT.plusSeconds(10)) < 0, "reported after " + took);
        }
    }

    /**
     * Closing a handle while one of its threads waits wakes that thread (IllegalStateException).
     * Where the platform has a wait seam the thread parks, counted in the shared waiter count, and
     * close gives its place back before unmapping: a count left behind would make every sender in
     * every process pay a wake-up call per message from then on. Without a wait seam waits poll and
     * count nothing; the wake on close is all there is to check.
     */
    @Test
    void closingWhileWaitingWakesTheWaiterAndLeavesNoWaiterCountBehind() throws Exception {
        boolean parks = seams().waitSeam().isPresent();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (MessageQueue q = create(4, 8);
             SharedMemory shm = memoryOf(q.name())) {
            long waiters = QueueDescriptor.RING_OFFSET + RingDescriptor.CONSUMER_WAIT_OFFSET + RingDescriptor.WAITERS;
            CompletableFuture<Object> receiver = CompletableFuture.supplyAsync(() -> q.receive(Duration.ofSeconds(30)), pool);
            if (parks) {
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (shm.segment().get(ValueLayout.JAVA_INT, waiters) != 1) {
                    assertTrue(System.nanoTime() < until, "the receiver never parked");
                    Thread.sleep(1);
                }
            } else {
                Thread.sleep(300); // polling: nothing to see from outside; a receive begun after close fails alike
            }
            q.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> receiver.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals(0, shm.segment().get(ValueLayout.JAVA_INT, waiters), parks
                    ? "the parked receiver's count was given back" : "a polling receiver counts nothing");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Under the pid rule (a platform without presence), a receive turn left behind by a process that
     * died is taken over. Here its holder is pid 1 — alive, but not with the start time in the
     * stamp: exactly what a dead receiver whose pid was reused looks like, which a pid-only check
     * would take for alive forever.
     */
    @Test
    void aReceiveTurnOfADeadProcessIsTakenOverEvenIfItsPidWasReused() {
        IpcPlatform pidRule = withoutPresence();
        String name = newName();
        try (MessageQueue q = pidRule.messageQueue(name, OpenMode.CREATE,
                MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(8));
             SharedMemory shm = memoryOf(name)) {
            assertEquals(1, shm.segment().get(ValueLayout.JAVA_INT, QueueDescriptor.LIVENESS_OFFSET), "the pid rule");
            assertTrue(q.trySend(bytes("x"), 0));
            long reusedPid = (0x1234L << 32) | 1;
            shm.segment().set(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET, reusedPid);
            assertEquals("x", text(q.receive(Duration.ofSeconds(5))));
            assertEquals(0, shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET),
                    "the turn is free again");
        }
    }

    /**
     * Under the presence rule the turn names a presence slot; one that nobody holds (its handle
     * closed or died) is taken over, however the pid words around it look.
     */
    @Test
    void aReceiveTurnNamingAPresenceSlotNobodyHoldsIsTakenOver() {
        assumePresence("no queue of it names presence slots");
        try (MessageQueue q = create(4, 8);
             SharedMemory shm = memoryOf(q.name())) {
            assertEquals(2, shm.segment().get(ValueLayout.JAVA_INT, QueueDescriptor.LIVENESS_OFFSET), "the presence rule");
            assertEquals(1, shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.PRESENCE_COUNTER_OFFSET),
                    "the creator's handle took slot 0");
            assertTrue(q.trySend(bytes("x"), 0));
            shm.segment().set(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET, 1000 + 1);
            assertEquals("x", text(q.receive(Duration.ofSeconds(5))));
            assertEquals(0, shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET));
        }
    }

    /**
     * A receiver in another process that holds the turn (stopped in the middle of its copy) keeps it
     * while it lives, under either rule, and loses it once it is killed. It opened the queue with the
     * platform's full seams, yet its turn names it by the rule the creator recorded: its presence slot
     * (no pid in it), or its pid and start time.
     */
    @ParameterizedTest(name = "presence rule: {0}")
    @ValueSource(booleans = {true, false})
    void aReceiverInAnotherProcessKeepsItsTurnWhileItLivesAndLosesItWhenKilled(boolean presence) throws Exception {
        if (presence) {
            assumePresence("the pid-rule case of this test covers it");
        }
        IpcPlatform creator = presence ? platform() : withoutPresence();
        String name = newName();
        try (MessageQueue q = creator.messageQueue(name, OpenMode.CREATE,
                MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(8));
             SharedMemory shm = memoryOf(name);
             ChildJvm holder = ChildJvm.start(childMain(), "hold-turn", name)) {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!holder.output().contains("holding")) {
                assertTrue(System.nanoTime() < end && holder.process().isAlive(), "the holder never held: " + holder.output());
                Thread.sleep(5);
            }
            long turn = shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET);
            if (presence) {
                assertEquals(2, turn, "the holder's presence slot (1; the creator has 0) + 1");
            } else {
                assertEquals(holder.pid(), turn & 0xFFFF_FFFFL, "the holder's stamp: its pid in the low half");
            }
            assertTrue(q.trySend(bytes("x"), 0));
            assertEquals(Optional.empty(), q.receive(Duration.ofMillis(500)), "a live holder's turn is not taken");
            holder.kill();
            long killed = System.nanoTime();
            assertEquals("x", text(q.receive(Duration.ofSeconds(5))));
            assertTrue(System.nanoTime() - killed < 1_000_000_000L, "taken over within a second of the kill");
            assertEquals(0, shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET));
        }
    }

    /** Every handle follows the creator's rule: one that cannot is refused, naming why; a rule that is none is corruption. */
    @Test
    void aPlatformWithoutPresenceCannotJoinAPresenceQueueAndAnUnknownRuleIsCorruption() {
        assumePresence("every handle of every queue follows the pid rule, so none is refused");
        try (MessageQueue q = create(4, 8);
             SharedMemory shm = memoryOf(q.name())) {
            IpcException e = assertThrows(IpcException.class, () -> withoutPresence().messageQueue(q.name(), OpenMode.OPEN));
            assertTrue(e.getMessage().contains("presence slots") && e.getMessage().contains("does not offer"), e.getMessage());
            shm.segment().set(ValueLayout.JAVA_INT, QueueDescriptor.LIVENESS_OFFSET, 7);
            ChannelCorruptedException c = assertThrows(ChannelCorruptedException.class,
                    () -> platform().messageQueue(q.name(), OpenMode.OPEN));
            assertTrue(c.getMessage().contains("liveness rule is 7"), c.getMessage());
        }
    }

    /**
     * The public way to this queue on every platform, {@code sharedMemoryMessageQueue}, names the
     * same object as {@code messageQueue} here, by the same name rules; sizes come from the queue.
     */
    @Test
    void sharedMemoryMessageQueueIsTheSameQueue() {
        String name = newName();
        try (MessageQueue q = platform().sharedMemoryMessageQueue(name, OpenMode.CREATE,
                MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(16));
             MessageQueue other = platform().messageQueue(name, OpenMode.OPEN)) {
            assertEquals(16, other.maxMessageSize(), "sizes come from the queue, not the opener's options");
            assertTrue(q.trySend(bytes("hi"), 0));
            assertEquals("hi", text(other.tryReceive()));
        }
        assertTrue(platform().removeSharedMemoryMessageQueue(name));
        assertFalse(platform().removeMessageQueue(name), "one object, removed once");
    }

    @Test
    void aSharedMemoryObjectThatIsNotAQueueIsRefused() {
        String name = newName();
        try (SharedMemory shm = StructureMemory.create(platform(), "mq", name, 4096)) {
            shm.segment().set(ValueLayout.JAVA_INT, 0, 0x1234);
            IpcException e = assertThrows(IpcException.class, () -> platform().messageQueue(name, OpenMode.OPEN));
            assertTrue(e.getMessage().contains("not a message queue"), e.getMessage());
        }
    }
}
