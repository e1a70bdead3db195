package io.ffmipc.spi;

import io.ffmipc.MessageQueue;
import io.ffmipc.Received;

import java.lang.foreign.MemorySegment;

/** An open queue of a {@link MessageQueueSeam}; sends and receives are one attempt each and allocate nothing. */
public interface NativeMessageQueue {

    /** The user the queue belongs to, for the core's owner check. */
    ObjectOwner owner();

    /** Fixed at creation. */
    long maxMessages();

    /** Fixed at creation. */
    long maxMessageSize();

    /** Depth and sizes now, and whether this handle is non-blocking. */
    MessageQueue.Attributes attributes();

    /** Puts this handle into or out of non-blocking mode (see {@link MessageQueue#setNonBlocking}). */
    void setNonBlocking(boolean nonBlocking);

    /**
     * Sends {@code length} bytes of the native segment {@code message}, waiting at most
     * {@code nanos} for room (0: not at all): {@link Attempt#DONE}, {@link Attempt#TIMED_OUT},
     * {@link Attempt#INTERRUPTED} or {@link Attempt#WOULD_BLOCK}.
     */
    int send(MemorySegment message, long length, int priority, long nanos);

    /**
     * Receives into the native segment {@code buffer} (at least {@link #maxMessageSize()} bytes),
     * waiting at most {@code nanos}: the size, or {@link Attempt#TIMED_OUT},
     * {@link Attempt#INTERRUPTED}, {@link Attempt#WOULD_BLOCK}. Sets {@code into} on success.
     */
    long receive(MemorySegment buffer, Received into, long nanos);

    /** Closes the handle; called once. */
    void close();
}
