package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.contract.SharedMemoryQueueContract;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared-memory queue contract on Linux's seams without its POSIX message queue (what Windows
 * and macOS offer as their queue): waits park on futexes, liveness by presence; plus that Linux
 * offers it beside the POSIX queue.
 */
class LinuxSharedMemoryQueueTest extends SharedMemoryQueueContract {
    private static final IpcPlatform PLATFORM = portableQueues(Ipc.platform());

    @Override
    protected IpcPlatform platform() {
        return PLATFORM;
    }

    /** The public way to it: Linux's own platform offers it beside its native queue, by the same name rules. */
    @Test
    void linuxOffersItBesideThePosixQueue() {
        IpcPlatform linux = Ipc.platform();
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
        assertFalse(linux.removeSharedMemoryMessageQueue(name));
    }
}
