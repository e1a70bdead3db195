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
     * A receive turn left behind by a process that died is taken over. Here its holder is pid 1 —
     * alive, but not with the start time in the stamp: exactly what a dead receiver whose pid was
     * reused looks like, which a pid-only check would take for alive forever.
     */
    @Test
    void aReceiveTurnOfADeadProcessIsTakenOverEvenIfItsPidWasReused() {
        try (MessageQueue q = create(4, 8);
             SharedMemory shm = StructureMemory.open(Ipc.platform(), "mq", q.name())) {
            assertTrue(q.trySend("x".getBytes(StandardCharsets.UTF_8), 0));
            long reusedPid = (0x1234L << 32) | 1;
            shm.segment().set(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET, reusedPid);
            assertEquals("x", new String(q.receive(Duration.ofSeconds(5)).orElseThrow().data(), StandardCharsets.UTF_8));
            assertEquals(0, shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET),
                    "the turn is free again");
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
