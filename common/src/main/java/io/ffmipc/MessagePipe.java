package io.ffmipc;

import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * A duplex connection that keeps message boundaries: each {@link #send} arrives as one whole
 * {@link #receive}, in order, never merged or split. Obtained from
 * {@link MessagePipeServer#accept} or {@link IpcPlatform#connectMessagePipe}. Linux: a Unix-domain
 * {@code SOCK_SEQPACKET} socket; Windows: a message-mode named pipe; macOS: a Unix stream socket
 * with framing.
 *
 * <p>Each side knows who the other is ({@link #peer()}, vouched for by the OS) and can pass OS
 * handles — shared memory, events — to it ({@link #sendHandle}, {@link #receiveHandle}).
 *
 * <p>Nothing is lost quietly: a message larger than the receive buffer is reported
 * ({@link ReceiveBufferTooSmallException}) and stays queued; a data receive that meets a message
 * carrying a handle (or the reverse) throws and leaves it queued. {@link #receive} returns -1 once
 * the peer has closed and every message it sent was received; sending then throws
 * {@link PeerClosedException}. The segment forms allocate nothing and need native segments.
 */
public interface MessagePipe extends AutoCloseable {

    /** The name (or path) of the server this pipe belongs to. */
    String name();

    /** The process at the other end. */
    PeerIdentity peer();

    /** The largest message {@link #send} accepts, in bytes. */
    int maxMessageSize();

    /**
     * Sends {@code message} (0 to {@link #maxMessageSize()} bytes) as one message; waits at most
     * {@code timeout} for room. Returns {@code false} if the time ran out (nothing was sent).
     *
     * @throws IpcLimitException   if the message is larger than {@link #maxMessageSize()}
     * @throws PeerClosedException if the peer has closed
     */
    boolean send(MemorySegment message, Duration timeout);

    /** {@link #send(MemorySegment, Duration)} of {@code bytes}. */
    boolean send(byte[] bytes, Duration timeout);

    /**
     * Receives the next message into {@code buffer}, waiting at most {@code timeout}. Returns its
     * length (0 for an empty message), -2 if none came in time, -1 at end of stream.
     *
     * @throws ReceiveBufferTooSmallException if it does not fit; it stays queued
     */
    long receive(MemorySegment buffer, Duration timeout);

    /** Result of {@link #receive} when no message came in time. */
    long TIMED_OUT = -2;
    /** Result of {@link #receive} at the end of the stream. */
    long END_OF_STREAM = -1;

    /**
     * Receives the next message as a new array; {@code null} if none came in time.
     *
     * @throws PeerClosedException at end of stream (the peer closed)
     */
    byte[] receive(Duration timeout);

    /**
     * Passes a copy of {@code handle} (a descriptor, a HANDLE) to the peer as one message; the
     * caller keeps its own. Returns {@code false} if there was no room in time.
     */
    boolean sendHandle(Inheritable handle, Duration timeout);

    /**
     * Receives a handle the peer passed; {@code null} if none came in time.
     *
     * @throws PeerClosedException at end of stream
     */
    PassedHandle receiveHandle(Duration timeout);

    /** Closes the connection; the peer's receives return end of stream. Safe to call twice. */
    @Override
    void close();
}
