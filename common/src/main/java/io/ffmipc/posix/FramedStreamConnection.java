package io.ffmipc.posix;

import io.ffmipc.IpcException;
import io.ffmipc.PassedHandle;
import io.ffmipc.PeerIdentity;
import io.ffmipc.spi.Attempt;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * A message-pipe connection on a Unix {@code SOCK_STREAM} socket, for an OS whose Unix sockets have
 * no {@code SOCK_SEQPACKET} (macOS: EPROTONOSUPPORT). Framing keeps the boundaries: each frame is
 * its kind byte, its payload length (4 bytes, big-endian), then the payload. A byte stream may take
 * or deliver any part of a frame, so:
 * <ul>
 *   <li>Sending: one {@code sendmsg} gathers the header, the caller's payload (not copied) and, for a
 *       handle, the descriptor. If the socket takes only the beginning, the frame is committed and
 *       its rest is copied to a buffer of the connection and written by {@link #flush} — which the
 *       portable layer calls within the caller's time and at close — and always before the next
 *       frame begins. Frames never interleave, and a timeout never tears one.</li>
 *   <li>Receiving: bytes are read into a buffer that holds one whole frame, never past the frame's
 *       end, so a descriptor (the kernel delivers it with the bytes of the {@code sendmsg} that
 *       carried it) always belongs to the frame being read. {@link #peek} reports a frame only when
 *       it is whole; {@link #take} copies it out. A frame the peer did not finish before it went
 *       away is dropped and the stream ends.</li>
 * </ul>
 * The largest message is fixed by the framing ({@link #MAX_MESSAGE}), not by a socket buffer: the
 * receive buffer holds one frame.
 */
final class FramedStreamConnection extends UnixConnection {
    /** Kind byte and 4-byte length. */
    static final int HEADER = 5;
    /** The largest payload of a frame. */
    static final int MAX_MESSAGE = 64 * 1024;
    private static final ValueLayout.OfInt LENGTH = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** The frame being received: header, then payload. */
    private final MemorySegment frame;
    /** Bytes of {@link #frame} received so far. */
    private long have;
    /** Its payload length once the header is in, else -1. */
    private long payload = -1;
    /** Descriptors that came with the frame being received. */
    private final int[] frameFds = new int[4];
    private int frameFdCount;
    private boolean frameFdsTruncated;
    private boolean ended;

    /** The rest of a committed frame the socket has not taken yet: bytes [pendingFrom, pendingTo). */
    private MemorySegment pending;
    private long pendingFrom;
    private long pendingTo;

    FramedStreamConnection(SocketAbi abi, UnixSockets sockets, PosixPoll poll, int fd, String name, PeerIdentity peer) {
        super(abi, sockets, poll, fd, name, peer);
        this.frame = allocate(HEADER + MAX_MESSAGE);
    }

    @Override
    public int maxMessageSize() {
        return MAX_MESSAGE;
    }

    // ---------------------------------------------------------------- send

    @Override
    public int send(byte kind, MemorySegment payload, long length, long handle, long nanos) {
        long wait = nanos;
        if (pendingTo > pendingFrom) {
            long left = flush(wait);
            if (left != 0) {
                return left < 0 ? (int) left : Attempt.INTERRUPTED; // the earlier frame is not out yet: nothing of this one is sent
            }
            wait = 0; // this attempt's wait is spent
        }
        out.header.set(JAVA_BYTE, 0, kind);
        out.header.set(LENGTH, 1, (int) length);
        out.prepare(HEADER, payload, length);
        if (handle >= 0) {
            out.attach((int) handle);
        }
        long n = sendOnce(wait);
        if (n < 0) {
            return (int) n;
        }
        if (n < HEADER + length) {
            keepRest(payload, length, n);
        }
        return Attempt.DONE;
    }

    /** Copies what the socket did not take of a frame (header and payload from byte {@code sent}) to {@link #pending}. */
    private void keepRest(MemorySegment payload, long length, long sent) {
        if (pending == null) {
            pending = allocate(HEADER + MAX_MESSAGE);
        }
        long at = 0;
        long payloadFrom = sent - HEADER;
        if (sent < HEADER) {
            MemorySegment.copy(out.header, sent, pending, 0, HEADER - sent);
            at = HEADER - sent;
            payloadFrom = 0;
        }
        MemorySegment.copy(payload, payloadFrom, pending, at, length - payloadFrom);
        pendingFrom = 0;
        pendingTo = at + length - payloadFrom;
    }

    @Override
    public long flush(long nanos) {
        if (pendingFrom >= pendingTo) {
            return 0;
        }
        out.prepareAt(pending.address() + pendingFrom, pendingTo - pendingFrom);
        long n = sendOnce(nanos);
        if (n < 0) {
            return n;
        }
        pendingFrom += n;
        long left = pendingTo - pendingFrom;
        if (left == 0) {
            pendingFrom = pendingTo = 0;
        }
        return left;
    }

    // ---------------------------------------------------------------- receive

    @Override
    public long peek(long nanos) {
        boolean waited = false;
        while (true) {
            if (payload >= 0 && have == HEADER + payload) {
                return payload;
            }
            if (ended) {
                return END_OF_STREAM;
            }
            long want = payload < 0 ? HEADER - have : HEADER + payload - have;
            in.prepareAt(frame.address() + have, want);
            in.offerControl();
            long n = receiveOnce(0, "receive");
            if (n > 0) {
                keepDescriptors();
                have += n;
                if (payload < 0 && have == HEADER) {
                    payload = checkedLength(Integer.toUnsignedLong(frame.get(LENGTH, 1)));
                }
                continue; // the rest may be there already
            }
            if (n == 0) {
                ended = true; // a frame the peer did not finish is dropped
                dropFrame();
                return END_OF_STREAM;
            }
            int wait = awaitReadable(n, waited, nanos);
            if (wait != 0) {
                return wait;
            }
            waited = true;
        }
    }

    private long checkedLength(long length) {
        if (length > MAX_MESSAGE) {
            ended = true;
            dropFrame();
            throw new IpcException("receive", name, null, "the peer sent a frame of " + length
                    + " bytes, more than the maximum of " + MAX_MESSAGE
                    + ": it is not an ffm-ipc message pipe, or the stream is corrupt; the connection is unusable");
        }
        return length;
    }

    /** Keeps the descriptors one read delivered with the frame being received. */
    private void keepDescriptors() {
        int count = in.receivedDescriptors(received);
        for (int i = 0; i < count; i++) {
            if (i < received.length && frameFdCount < frameFds.length) {
                frameFds[frameFdCount] = received[i];
            } else if (i < received.length) {
                descriptors.closeQuietly(received[i]);
            }
            frameFdCount++;
        }
        frameFdsTruncated |= in.controlTruncated();
    }

    @Override
    public byte peekedKind() {
        return frame.get(JAVA_BYTE, 0);
    }

    @Override
    public long take(MemorySegment buffer) {
        long length = payload;
        MemorySegment.copy(frame, HEADER, buffer, 0, length);
        dropFrame(); // a descriptor a data frame carried is nobody's: closed
        return length;
    }

    @Override
    public PassedHandle takeHandle() {
        int count = frameFdCount;
        System.arraycopy(frameFds, 0, received, 0, Math.min(count, frameFds.length));
        boolean truncated = frameFdsTruncated;
        frameFdCount = 0; // handleOf owns them now
        dropFrame();
        return handleOf(count, truncated);
    }

    /** Forgets the frame being received, closing any descriptor it brought. */
    private void dropFrame() {
        for (int i = 0; i < Math.min(frameFdCount, frameFds.length); i++) {
            descriptors.closeQuietly(frameFds[i]);
        }
        frameFdCount = 0;
        frameFdsTruncated = false;
        have = 0;
        payload = -1;
    }

    @Override
    public void close() {
        dropFrame();
        super.close();
    }
}
