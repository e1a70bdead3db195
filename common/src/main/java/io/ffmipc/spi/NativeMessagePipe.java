package io.ffmipc.spi;

import io.ffmipc.PeerIdentity;

import java.lang.foreign.MemorySegment;

/**
 * One connection of a {@link MessagePipeSeam}: whole messages, each one attempt. A message is
 * looked at ({@link #peek}) before it is taken ({@link #take}, {@link #takeHandle}), so the
 * portable layer can refuse one that does not fit or is of the wrong kind and leave it queued.
 */
public interface NativeMessagePipe {

    /** The result of {@link #peek} once the peer has closed and every message was taken. */
    long END_OF_STREAM = -1;

    /** The process at the other end, as the OS vouches for it. */
    PeerIdentity peer();

    /**
     * Waits at most {@code nanos} for room and sends {@code length} bytes of the native segment
     * {@code message} as one message: {@link Attempt#DONE}, {@link Attempt#TIMED_OUT} or
     * {@link Attempt#INTERRUPTED}; nothing is sent unless DONE.
     *
     * @throws io.ffmipc.PeerClosedException if the peer has closed
     */
    int send(MemorySegment message, long length, long nanos);

    /** {@link #send} of a message that also carries a copy of {@code handle}. */
    int sendHandle(MemorySegment message, long length, long handle, long nanos);

    /**
     * Waits at most {@code nanos} for the next message and copies its first {@code head.byteSize()}
     * bytes into {@code head} without taking it: its full length, {@link #END_OF_STREAM},
     * {@link Attempt#TIMED_OUT} or {@link Attempt#INTERRUPTED}.
     */
    long peek(MemorySegment head, long nanos);

    /** Takes the message {@link #peek} saw into {@code buffer} (large enough for it); returns its length. */
    long take(MemorySegment buffer);

    /** Takes the message {@link #peek} saw, which carries a handle; returns the received handle (now this process's). */
    long takeHandle(MemorySegment buffer);

    /** Closes the connection; called once. */
    void close();
}
