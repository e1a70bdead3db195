package io.ffmipc.spi;

import io.ffmipc.PassedHandle;
import io.ffmipc.PeerIdentity;

import java.lang.foreign.MemorySegment;

/**
 * One connection of a {@link MessagePipeSeam}, carrying frames: a kind byte
 * ({@link io.ffmipc.core.PipeFrames}) and a payload, whole and in order. Every operation is one
 * attempt and allocates nothing. A frame is looked at ({@link #peek}) before it is taken
 * ({@link #take}, {@link #takeHandle}), so the portable layer can refuse one that does not fit or is
 * of the wrong kind and leave it queued. Sends and receives may run at the same time in two
 * threads; each direction is used by one thread at a time.
 */
public interface NativeMessagePipe {

    /** The result of {@link #peek} once the peer has closed and every frame was taken. */
    long END_OF_STREAM = -1;

    /** The process at the other end, as the OS vouches for it. */
    PeerIdentity peer();

    /**
     * The user the process at the other end runs as, for the owner check of a client on its server
     * (a POSIX uid by default; a Windows pipe reports the server's SID).
     */
    default ObjectOwner peerUser() {
        return ObjectOwner.posix(peer().uid());
    }

    /** The largest payload a frame may have, in bytes (the largest message of the pipe). */
    int maxMessageSize();

    /**
     * Waits at most {@code nanos} for room and sends one frame: {@code kind}, then {@code length}
     * bytes of the native segment {@code payload} (which may be {@link MemorySegment#NULL} when
     * {@code length} is 0), with a copy of the OS handle {@code handle} attached unless it is
     * negative. Returns {@link Attempt#DONE} once the frame is committed: handed to the OS whole,
     * or — on a connection that is a byte stream underneath — its beginning handed over and the rest
     * kept, in order, for {@link #flush}; nothing is sent unless DONE
     * ({@link Attempt#TIMED_OUT}, {@link Attempt#INTERRUPTED}). A frame committed earlier is
     * flushed first.
     *
     * @throws io.ffmipc.PeerClosedException if the peer has closed
     */
    int send(byte kind, MemorySegment payload, long length, long handle, long nanos);

    /**
     * Waits at most {@code nanos} for room and hands the OS what it can of what is left of committed
     * frames: the bytes still left afterwards (0 when all is out — at once where frames are never
     * split), or {@link Attempt#TIMED_OUT} / {@link Attempt#INTERRUPTED} if none could be handed over.
     * A smaller result than the last one means the peer is reading.
     */
    long flush(long nanos);

    /**
     * Waits at most {@code nanos} for the next whole frame without taking it: its payload length,
     * {@link #END_OF_STREAM}, {@link Attempt#TIMED_OUT}, or {@link Attempt#INTERRUPTED} when the
     * attempt ended early without a whole frame. Its kind is then {@link #peekedKind()}.
     */
    long peek(long nanos);

    /** The kind byte of the frame the last successful {@link #peek} saw. */
    byte peekedKind();

    /** Takes the frame {@link #peek} saw into {@code buffer}, which holds at least its payload; returns its length. */
    long take(MemorySegment buffer);

    /**
     * Takes the frame {@link #peek} saw, which carries a handle: the received handle, now this
     * process's; a typed error if the OS delivered none.
     */
    PassedHandle takeHandle();

    /** Closes the connection; called once. Whatever {@link #flush} did not hand over is dropped. */
    void close();
}
