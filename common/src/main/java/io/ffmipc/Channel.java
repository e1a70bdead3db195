package io.ffmipc;

import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * A named, duplex message channel between processes over one shared-memory object: a ring buffer
 * of variable-length records per direction, exchanged without any system call while both sides
 * are awake. Opened through {@link IpcPlatform#channel}. The creator's outbound ring is the
 * opener's inbound ring and vice versa.
 *
 * <h2>Threads</h2>
 * One thread at a time receives on each end. In {@link ChannelMode#SPSC} one thread at a time
 * sends on each end; in {@link ChannelMode#MPSC} any number of threads and opening processes may
 * send concurrently. The hot calls ({@code tryOffer}, {@code poll}, and the blocking forms while
 * the peer is awake) allocate nothing and make no system call.
 *
 * <h2>Failures</h2>
 * Everything read from the shared memory is validated: garbage yields
 * {@link ChannelCorruptedException}; a blocking call whose peer closed or died (and left nothing
 * more to receive) throws {@link ChannelPeerGoneException}; a record claimed by a producer that
 * died before publishing it is reported the same way after {@link ChannelOptions#stallTimeout()}.
 * Timeouts are results ({@code false}, {@code -1}), not exceptions.
 *
 * <h2>Message queues</h2>
 * A {@link ChannelMode#MPSC} channel is a FIFO message queue with many senders and one
 * receiver; where an OS has no native queue, a {@code MessageQueue} maps onto it one-to-one:
 * send → {@link #offer(MemorySegment, Duration)}, receive → {@link #receive(MemorySegment, Duration)},
 * the queue's capacity in messages → a ring capacity of that many maximum-size records.
 */
public interface Channel extends AutoCloseable {
    /** Most processes that may have an MPSC channel open besides its creator. */
    int MAX_OPENERS = 8;

    /** The channel's portable name (also the name of its shared-memory object). */
    String name();

    /** Whether this end created the channel. */
    boolean isCreator();

    /** The options in force: the capacity and mode are the creator's, the wait strategy this end's. */
    ChannelOptions options();

    /** The largest payload a message may have. */
    int maxMessageSize();

    /**
     * Sends {@code message} if there is room now; {@code false} if the ring is full. Never waits.
     *
     * @throws MessageTooLargeException the message is longer than {@link #maxMessageSize()}; nothing was sent
     */
    boolean tryOffer(MemorySegment message);

    /**
     * Sends {@code message}, waiting (by the wait strategy) up to {@code timeout} for room;
     * {@code false} on timeout. {@code null} waits without limit.
     *
     * @throws ChannelPeerGoneException the receiver closed or died while this call waited for room
     * @throws MessageTooLargeException the message is longer than {@link #maxMessageSize()}; nothing was sent
     */
    boolean offer(MemorySegment message, Duration timeout);

    /** Sends {@code message}, waiting as long as it takes for room. */
    default void send(MemorySegment message) {
        offer(message, null);
    }

    /** {@link #tryOffer(MemorySegment)} for a byte array. */
    boolean tryOffer(byte[] message);

    /** {@link #offer(MemorySegment, Duration)} for a byte array. */
    boolean offer(byte[] message, Duration timeout);

    /**
     * Hands up to {@code limit} waiting messages to {@code handler} in place (zero copy); returns
     * how many. Never waits. Their space is given back to the producer once, when the call
     * returns: the fastest way to take a stream.
     */
    int poll(MessageHandler handler, int limit);

    /**
     * Hands the next message to {@code handler} in place, waiting up to {@code timeout} for one;
     * {@code false} on timeout. {@code null} waits without limit.
     *
     * @throws ChannelPeerGoneException the peer closed or died and left nothing more to receive
     */
    boolean receive(MessageHandler handler, Duration timeout);

    /**
     * Copies the next message into {@code destination} if one is waiting; returns its length, or
     * -1 if none. A message longer than {@code destination} is left in the ring and
     * {@link ReceiveBufferTooSmallException} names both sizes.
     */
    int tryReceive(MemorySegment destination);

    /** {@link #tryReceive} waiting up to {@code timeout} ({@code null}: without limit); -1 on timeout. */
    int receive(MemorySegment destination, Duration timeout);

    /** The next message as a new byte array, waiting up to {@code timeout}; {@code null} on timeout. */
    byte[] receive(Duration timeout);

    /** What this end knows about the other side (checks the peer process's liveness: not a hot call). */
    PeerState peerState();

    /**
     * Closes this end: marks it closed in the shared header (the peer sees {@link PeerState#CLOSED}),
     * wakes this end's parked threads and unmaps. The shared memory stays until
     * {@link IpcPlatform#removeChannel}. Safe to call twice; use after close throws
     * {@link IllegalStateException}.
     */
    @Override
    void close();
}
