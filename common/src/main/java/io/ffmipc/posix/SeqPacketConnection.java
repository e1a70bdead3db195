package io.ffmipc.posix;

import io.ffmipc.IpcException;
import io.ffmipc.PassedHandle;
import io.ffmipc.PeerIdentity;
import io.ffmipc.spi.Attempt;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * A message-pipe connection on a Unix {@code SOCK_SEQPACKET} socket, where the kernel keeps
 * message boundaries. Every frame is one {@code sendmsg}: the kind byte from the connection's
 * header buffer, then the caller's payload (gathered by a second iovec, so nothing is copied); a
 * SEQPACKET send is all or nothing, so nothing is ever left to flush. A receive first peeks
 * ({@code MSG_PEEK|MSG_TRUNC}) at the kind and the full length, so a frame that does not fit, or is
 * of the other kind, stays queued.
 *
 * <p>The largest message is the kernel's rule for Unix datagram sockets (Linux net/unix/af_unix.c):
 * at most {@code SO_SNDBUF - 32} bytes, less the kind byte; {@code net.core.wmem_default} sets
 * SO_SNDBUF.
 */
final class SeqPacketConnection extends UnixConnection {
    /** What the kernel keeps back from SO_SNDBUF for a datagram (af_unix.c: len > sk_sndbuf - 32 → EMSGSIZE). */
    static final int KERNEL_DATAGRAM_RESERVE = 32;
    private static final int HEADER = 1;
    private final int maxMessageSize;
    private long peekedLength;

    SeqPacketConnection(SocketAbi abi, UnixSockets sockets, PosixPoll poll, int fd, String name, PeerIdentity peer,
                        int sendBufferSize) {
        super(abi, sockets, poll, fd, name, peer);
        this.maxMessageSize = sendBufferSize - KERNEL_DATAGRAM_RESERVE - HEADER;
    }

    @Override
    public int maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public int send(byte kind, MemorySegment payload, long length, long handle, long nanos) {
        out.header.set(JAVA_BYTE, 0, kind);
        out.prepare(HEADER, payload, length);
        if (handle >= 0) {
            out.attach((int) handle);
        }
        long n = sendOnce(nanos);
        return n >= 0 ? Attempt.DONE : (int) n; // a SOCK_SEQPACKET send is all or nothing
    }

    @Override
    public long flush(long nanos) {
        return 0;
    }

    @Override
    public long peek(long nanos) {
        boolean waited = false;
        while (true) {
            in.prepare(HEADER, null, 0);
            long n = receiveOnce(abi.msgPeek | abi.msgTrunc, "receive");
            if (n == 0) {
                return END_OF_STREAM; // every frame has a kind byte, so 0 can only be the end of the stream
            }
            if (n > 0) {
                peekedLength = n - HEADER;
                return peekedLength;
            }
            int wait = awaitReadable(n, waited, nanos);
            if (wait != 0) {
                return wait;
            }
            waited = true;
        }
    }

    @Override
    public byte peekedKind() {
        return in.header.get(JAVA_BYTE, 0);
    }

    @Override
    public long take(MemorySegment buffer) {
        in.prepare(HEADER, buffer, buffer.byteSize());
        takePeeked();
        return peekedLength;
    }

    @Override
    public PassedHandle takeHandle() {
        in.prepare(HEADER, null, 0);
        in.offerControl();
        takePeeked();
        return handleOf(in.receivedDescriptors(received), in.controlTruncated());
    }

    /** Takes the peeked frame off the queue into the prepared receive message. */
    private void takePeeked() {
        long n;
        while ((n = receiveOnce(0, "receive")) == Attempt.INTERRUPTED) {
            Thread.onSpinWait(); // a signal: the frame is still there
        }
        if (n <= 0) {
            throw new IpcException("receive", name, null, "the message that was peeked at is gone"
                    + (n == 0 ? " (end of stream)" : " (nothing to read)") + ": another reader took it");
        }
    }
}
