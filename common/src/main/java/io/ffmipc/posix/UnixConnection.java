package io.ffmipc.posix;

import io.ffmipc.IpcException;
import io.ffmipc.PassedHandle;
import io.ffmipc.PeerIdentity;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.NativeMessagePipe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * What both kinds of message-pipe connection share: a connected, non-blocking Unix socket whose
 * peer is known, one preallocated {@link SocketMessage} per direction, and the single
 * {@code sendmsg}/{@code recvmsg} attempts with their error rules. A vanished peer is EPIPE on
 * send (never SIGPIPE: MSG_NOSIGNAL or SO_NOSIGPIPE) and the end of the stream on receive.
 */
abstract class UnixConnection implements NativeMessagePipe {
    final SocketAbi abi;
    final PosixLibrary lib;
    final UnixSockets sockets;
    final PosixPoll poll;
    final PosixDescriptors descriptors;
    final int fd;
    final String name;
    final PeerIdentity peer;
    private final Arena arena = Arena.ofShared();
    final SocketMessage out;
    final SocketMessage in;
    /** Descriptors one receive delivered (normally one at most). */
    final int[] received = new int[4];

    /** Takes ownership of a connected socket whose peer is {@code peer}. */
    UnixConnection(SocketAbi abi, UnixSockets sockets, PosixPoll poll, int fd, String name, PeerIdentity peer) {
        this.abi = abi;
        this.lib = abi.lib;
        this.sockets = sockets;
        this.poll = poll;
        this.descriptors = new PosixDescriptors(lib);
        this.fd = fd;
        this.name = name;
        this.peer = peer;
        this.out = new SocketMessage(abi, arena, 1);
        this.in = new SocketMessage(abi, arena, received.length);
    }

    /** Native memory that lives as long as the connection. */
    final MemorySegment allocate(long bytes) {
        return arena.allocate(bytes, 8);
    }

    @Override
    public PeerIdentity peer() {
        return peer;
    }

    /**
     * One {@code sendmsg} of the prepared outgoing message, waiting at most {@code nanos} for room
     * if the socket is full: the bytes sent, or {@link Attempt#TIMED_OUT} / {@link Attempt#INTERRUPTED}
     * if none could be.
     */
    final long sendOnce(long nanos) {
        MemorySegment st = NativeBinder.callState();
        long n = lib.sendmsg(st, fd, out.msg, abi.msgNosignal);
        if (n >= 0) {
            return n;
        }
        int err = lib.errno(st);
        if (err == abi.eagain) {
            int revents = poll.await(fd, poll.out, nanos, name);
            if (revents < 0) {
                return revents;
            }
            n = lib.sendmsg(st, fd, out.msg, abi.msgNosignal);
            if (n >= 0) {
                return n;
            }
            err = lib.errno(st);
        }
        if (err == abi.eagain || err == abi.eintr) {
            return Attempt.INTERRUPTED;
        }
        throw lib.error("send", name, err, err == abi.epipe || err == abi.econnreset ? "the peer closed the pipe" : null);
    }

    /**
     * One {@code recvmsg} of the prepared incoming message: the bytes received (0 at the end of the
     * stream), {@link Attempt#WOULD_BLOCK} if nothing is there, {@link Attempt#INTERRUPTED} on a signal.
     */
    final long receiveOnce(int flags, String operation) {
        MemorySegment st = NativeBinder.callState();
        long n = lib.recvmsg(st, fd, in.msg, flags | abi.msgCmsgCloexec);
        if (n >= 0) {
            return n;
        }
        int err = lib.errno(st);
        if (err == abi.econnreset) {
            return 0; // the peer went away without reading what we sent; all it sent was delivered
        }
        if (err == abi.eagain) {
            return Attempt.WOULD_BLOCK;
        }
        if (err == abi.eintr) {
            return Attempt.INTERRUPTED;
        }
        throw lib.error(operation, name, err, null);
    }

    /**
     * What a peek does after a receive that found nothing ({@code n}): waits once, at most
     * {@code nanos}, for bytes to read. 0 to try the receive again; otherwise what the attempt
     * returns ({@link Attempt#TIMED_OUT}, or {@link Attempt#INTERRUPTED} for a signal or a second
     * empty receive in one attempt).
     */
    final int awaitReadable(long n, boolean waited, long nanos) {
        if (n == Attempt.INTERRUPTED || waited) {
            return Attempt.INTERRUPTED;
        }
        int revents = poll.await(fd, poll.in, nanos, name);
        return revents < 0 ? revents : 0;
    }

    /**
     * The descriptors of the last receive as the one handle a handle frame carries: made
     * close-on-exec where the receive could not do it, and typed errors when none or more than one
     * arrived (the extra ones are closed).
     *
     * @param count what {@link SocketMessage#receivedDescriptors} found
     */
    final PassedHandle handleOf(int count, boolean truncated) {
        if (count == 1 && !truncated) {
            int got = received[0];
            if (abi.msgCmsgCloexec == 0) {
                try {
                    sockets.closeOnExec(got, name);
                } catch (RuntimeException e) {
                    descriptors.closeQuietly(got);
                    throw e;
                }
            }
            return new ReceivedDescriptor(descriptors, got, name + " (pid " + peer.pid() + ")");
        }
        closeReceived(count);
        if (count > 0) {
            throw new IpcException("receive handle", name, null,
                    "the peer passed more than one descriptor in one message (the extra ones were dropped)");
        }
        throw new IpcException("receive handle", name, null, truncated
                ? "the descriptor did not arrive (MSG_CTRUNC: this process may be out of descriptors)"
                : "the handle message carried no descriptor");
    }

    /** Closes descriptors a receive delivered that nobody will take. */
    final void closeReceived(int count) {
        for (int i = 0; i < Math.min(count, received.length); i++) {
            descriptors.closeQuietly(received[i]);
        }
    }

    @Override
    public void close() {
        arena.close();
        descriptors.close(fd, name);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", peer " + peer + "]";
    }
}
