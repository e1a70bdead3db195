package io.ffmipc.linux;

import io.ffmipc.testkit.StructureMemory;
import io.ffmipc.channel.QueueDescriptor;
import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.channel.ChannelMessageQueue;
import io.ffmipc.channel.RingDescriptor;
import io.ffmipc.contract.MessageQueueContract;
import io.ffmipc.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message queue contract on the portable {@link io.ffmipc.channel.ChannelMessageQueue} (what
 * Windows and macOS would offer), run on Linux's shared memory; plus what is specific to it.
 */
class ChannelMessageQueueTest extends MessageQueueContract {
    private static final IpcPlatform PLATFORM = ChannelQueuePlatform.create();

    @Override
    protected IpcPlatform platform() {
        return PLATFORM;
    }

    @Override
    protected Class<?> childMain() {
        return ChannelMessageQueueChild.class;
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
                assertEquals("one", new String(other.tryReceive().orElseThrow().data(), StandardCharsets.UTF_8));
                assertEquals("two", new String(q.tryReceive().orElseThrow().data(), StandardCharsets.UTF_8));
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
             SharedMemory shm = StructureMemory.open(Ipc.platform(), "mq", q.name())) {
            assertTrue(q.trySend("before".getBytes(StandardCharsets.UTF_8), 0));
            long producerPosition = QueueDescriptor.RING_OFFSET + RingDescriptor.PRODUCER_POSITION_OFFSET;
            long tail = shm.segment().get(ValueLayout.JAVA_LONG, producerPosition);
            shm.segment().set(ValueLayout.JAVA_LONG, producerPosition, tail + RingDescriptor.aligned(RingDescriptor.RECORD_HEADER + 8));

            assertEquals("before", new String(q.receive(Duration.ofSeconds(5)).orElseThrow().data(), StandardCharsets.UTF_8));
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
     * Closing a handle while one of its threads is parked wakes that thread (IllegalStateException)
     * and gives its place in the shared waiter count back before unmapping: a count left behind
     * would make every sender in every process pay a wake-up call per message from then on.
     */
    @Test
    void closingWhileParkedLeavesNoWaiterCountBehind() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (MessageQueue q = create(4, 8);
             SharedMemory shm = StructureMemory.open(Ipc.platform(), "mq", q.name())) {
            long waiters = QueueDescriptor.RING_OFFSET + RingDescriptor.CONSUMER_WAIT_OFFSET + RingDescriptor.WAITERS;
            java.util.concurrent.CompletableFuture<Object> receiver = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> q.receive(Duration.ofSeconds(30)), pool);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (shm.segment().get(ValueLayout.JAVA_INT, waiters) != 1) {
                assertTrue(System.nanoTime() < until, "the receiver never parked");
                Thread.sleep(1);
            }
            q.close();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> receiver.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
            assertEquals(0, shm.segment().get(ValueLayout.JAVA_INT, waiters), "the parked receiver's count was given back");
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
        IpcPlatform pidRule = ChannelQueuePlatform.withoutPresence();
        String name = newName();
        try (MessageQueue q = pidRule.messageQueue(name, OpenMode.CREATE,
                MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(8));
             SharedMemory shm = StructureMemory.open(Ipc.platform(), "mq", name)) {
            assertEquals(1, shm.segment().get(ValueLayout.JAVA_INT, QueueDescriptor.LIVENESS_OFFSET), "the pid rule");
            assertTrue(q.trySend("x".getBytes(StandardCharsets.UTF_8), 0));
            long reusedPid = (0x1234L << 32) | 1;
            shm.segment().set(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET, reusedPid);
            assertEquals("x", new String(q.receive(Duration.ofSeconds(5)).orElseThrow().data(), StandardCharsets.UTF_8));
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
        try (MessageQueue q = create(4, 8);
             SharedMemory shm = StructureMemory.open(Ipc.platform(), "mq", q.name())) {
            assertEquals(2, shm.segment().get(ValueLayout.JAVA_INT, QueueDescriptor.LIVENESS_OFFSET), "the presence rule");
            assertEquals(1, shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.PRESENCE_COUNTER_OFFSET),
                    "the creator's handle took slot 0");
            assertTrue(q.trySend("x".getBytes(StandardCharsets.UTF_8), 0));
            shm.segment().set(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET, 1000 + 1);
            assertEquals("x", new String(q.receive(Duration.ofSeconds(5)).orElseThrow().data(), StandardCharsets.UTF_8));
            assertEquals(0, shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET));
        }
    }

    /**
     * A receiver in another process that holds the turn (stopped in the middle of its copy) keeps it
     * while it lives, under either rule, and loses it once it is killed. It opened the queue with the
     * presence seam at hand, yet its turn names it by the rule the creator recorded: its presence slot
     * (no pid in it), or its pid and start time.
     */
    @ParameterizedTest(name = "presence rule: {0}")
    @ValueSource(booleans = {true, false})
    void aReceiverInAnotherProcessKeepsItsTurnWhileItLivesAndLosesItWhenKilled(boolean presence) throws Exception {
        IpcPlatform creator = presence ? platform() : ChannelQueuePlatform.withoutPresence();
        String name = newName();
        try (MessageQueue q = creator.messageQueue(name, OpenMode.CREATE,
                MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(8));
             SharedMemory shm = StructureMemory.open(Ipc.platform(), "mq", name);
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
            assertTrue(q.trySend("x".getBytes(StandardCharsets.UTF_8), 0));
            assertEquals(Optional.empty(), q.receive(Duration.ofMillis(500)), "a live holder's turn is not taken");
            holder.kill();
            long killed = System.nanoTime();
            assertEquals("x", new String(q.receive(Duration.ofSeconds(5)).orElseThrow().data(), StandardCharsets.UTF_8));
            assertTrue(System.nanoTime() - killed < 1_000_000_000L, "taken over within a second of the kill");
            assertEquals(0, shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET));
        }
    }

    /** Every handle follows the creator's rule: one that cannot is refused, naming why; a rule that is none is corruption. */
    @Test
    void aPlatformWithoutPresenceCannotJoinAPresenceQueueAndAnUnknownRuleIsCorruption() {
        try (MessageQueue q = create(4, 8);
             SharedMemory shm = StructureMemory.open(Ipc.platform(), "mq", q.name())) {
            IpcException e = assertThrows(IpcException.class,
                    () -> ChannelQueuePlatform.withoutPresence().messageQueue(q.name(), OpenMode.OPEN));
            assertTrue(e.getMessage().contains("presence slots") && e.getMessage().contains("does not offer"), e.getMessage());
            shm.segment().set(ValueLayout.JAVA_INT, QueueDescriptor.LIVENESS_OFFSET, 7);
            io.ffmipc.ChannelCorruptedException c = assertThrows(io.ffmipc.ChannelCorruptedException.class,
                    () -> platform().messageQueue(q.name(), OpenMode.OPEN));
            assertTrue(c.getMessage().contains("liveness rule is 7"), c.getMessage());
        }
    }

    /** The public way to it: every platform offers it beside its native queue, by the same name rules. */
    @Test
    void linuxOffersItBesideThePosixQueue() {
        IpcPlatform linux = io.ffmipc.Ipc.platform();
        String name = newName();
        try {
            try (MessageQueue q = linux.sharedMemoryMessageQueue(name, OpenMode.CREATE,
                    MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(16))) {
                assertEquals(0, q.maxPriority(), "FIFO: the shared-memory queue, not POSIX mq");
                assertTrue(q.trySend("hi".getBytes(StandardCharsets.UTF_8), 0));
                try (MessageQueue other = linux.sharedMemoryMessageQueue(name, OpenMode.OPEN, MessageQueueOptions.defaults())) {
                    assertEquals(16, other.maxMessageSize(), "sizes come from the queue, not the opener's options");
                    assertEquals("hi", new String(other.tryReceive().orElseThrow().data(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            assertTrue(linux.removeSharedMemoryMessageQueue(name));
        }
        assertEquals(false, linux.removeSharedMemoryMessageQueue(name));
    }

    @Test
    void aSharedMemoryObjectThatIsNotAQueueIsRefused() {
        String name = newName();
        try (SharedMemory shm = StructureMemory.create(Ipc.platform(), "mq", name, 4096)) {
            shm.segment().set(java.lang.foreign.ValueLayout.JAVA_INT, 0, 0x1234);
            IpcException e = assertThrows(IpcException.class, () -> platform().messageQueue(name, OpenMode.OPEN));
            assertTrue(e.getMessage().contains("not a message queue"), e.getMessage());
        }
    }
}
