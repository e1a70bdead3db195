package io.ffmipc;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Optional;

/**
 * A named queue of discrete messages shared between processes, each message at most
 * {@link #maxMessageSize()} bytes, at most {@link #maxMessages()} of them waiting. A receive takes
 * the oldest message of the highest priority.
 *
 * <p>Nothing here is tied to one OS: on Linux the queue is a POSIX message queue, elsewhere a
 * provider may build it on a shared-memory ring. Where the OS has no priorities
 * {@link #maxPriority()} is 0 and every message is sent at priority 0.
 *
 * <h2>Timeouts and blocking</h2>
 * Every blocking call takes a {@link Duration}: {@code null} waits without limit, {@link Duration#ZERO}
 * does not wait. A timeout is a result ({@code false} from a send, {@code -1} from a receive), never
 * an exception. Interrupting a waiting thread ends the wait with {@link IpcInterruptedException};
 * closing the queue from another thread ends it with {@link IllegalStateException}. In
 * {@linkplain #setNonBlocking non-blocking mode} every send and receive returns at once, whatever
 * its timeout.
 *
 * <h2>Zero copy, no allocation</h2>
 * The {@link MemorySegment} forms copy straight between the caller's segment and the queue and
 * allocate nothing; the size and priority of a received message go into a caller-owned, reusable
 * {@link Received}. The {@code byte[]} forms are conveniences on top.
 *
 * <h2>Errors</h2>
 * A message longer than {@link #maxMessageSize()} is refused with {@link MessageTooLargeException},
 * a receive buffer shorter than it (the OS cannot tell the size of the next message in advance, so
 * the buffer must fit the largest) with {@link ReceiveBufferTooSmallException} — both before the OS
 * is asked, both {@link IpcLimitException}s naming both sizes, the types every kind that carries
 * messages uses.
 */
public interface MessageQueue extends AutoCloseable {

    /** The portable name. */
    String name();

    /** The most messages the queue holds; a send to a full queue waits. Fixed at creation. */
    long maxMessages();

    /** The largest message in bytes. Fixed at creation. */
    long maxMessageSize();

    /** The highest priority a message may carry (0 where the OS has no priorities). */
    int maxPriority();

    /** The number of messages waiting now (a snapshot). */
    long depth();

    /** Attributes as one snapshot. */
    Attributes attributes();

    /**
     * Sends {@code message} (all its bytes) at {@code priority}, waiting at most {@code timeout}
     * ({@code null}: without limit) for room. Returns {@code false} on timeout.
     */
    boolean send(MemorySegment message, int priority, Duration timeout);

    /** Sends, waiting as long as it takes for room. */
    default void send(MemorySegment message, int priority) {
        send(message, priority, null);
    }

    /** Sends if there is room now; {@code false} if the queue is full. */
    default boolean trySend(MemorySegment message, int priority) {
        return send(message, priority, Duration.ZERO);
    }

    /**
     * Receives the next message into {@code buffer}, waiting at most {@code timeout} ({@code null}:
     * without limit). Returns its size in bytes, or -1 on timeout. {@code buffer} must hold at least
     * {@link #maxMessageSize()} bytes. {@code into} (may be {@code null}) receives size and priority.
     */
    long receive(MemorySegment buffer, Received into, Duration timeout);

    /** Receives, ignoring the priority; -1 on timeout. */
    default long receive(MemorySegment buffer, Duration timeout) {
        return receive(buffer, null, timeout);
    }

    /** Receives a message if one is waiting; -1 if the queue is empty. */
    default long tryReceive(MemorySegment buffer, Received into) {
        return receive(buffer, into, Duration.ZERO);
    }

    /** Sends a copy of {@code message}; {@code false} on timeout. */
    boolean send(byte[] message, int priority, Duration timeout);

    /** Sends a copy of {@code message} if there is room now. */
    default boolean trySend(byte[] message, int priority) {
        return send(message, priority, Duration.ZERO);
    }

    /** Receives the next message as a new array; empty on timeout. */
    Optional<Message> receive(Duration timeout);

    /** Receives a message if one is waiting. */
    default Optional<Message> tryReceive() {
        return receive(Duration.ZERO);
    }

    /**
     * In non-blocking mode every send and receive through this handle returns at once when it
     * cannot proceed (a full or empty queue), whatever its timeout.
     */
    void setNonBlocking(boolean nonBlocking);

    /** Whether this handle is in non-blocking mode ({@link #setNonBlocking}). */
    boolean isNonBlocking();

    /** Removes the name; open handles keep working. Does nothing where names die with their last handle. */
    void unlink();

    /** Safe to call twice; any later use throws {@link IllegalStateException}. */
    @Override
    void close();

    /**
     * A snapshot of a queue's attributes.
     *
     * @param maxMessages    the most messages it holds
     * @param maxMessageSize the largest message in bytes
     * @param depth          messages waiting when the snapshot was taken
     * @param nonBlocking    whether this handle is in non-blocking mode
     */
    record Attributes(long maxMessages, long maxMessageSize, long depth, boolean nonBlocking) {
    }

    /**
     * A received message as its own array (the {@code byte[]} convenience).
     *
     * @param data     the message's bytes
     * @param priority its priority (0 where the OS has none)
     */
    record Message(byte[] data, int priority) {
        /** {@code data} is kept as it is, not copied. */
        public Message {
            java.util.Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && m.priority == priority && java.util.Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(data) + priority;
        }

        @Override
        public String toString() {
            return "Message[" + data.length + " bytes, priority " + priority + "]";
        }
    }
}
