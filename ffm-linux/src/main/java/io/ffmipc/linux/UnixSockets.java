package io.ffmipc.linux;

import io.ffmipc.IpcTimeoutException;
import io.ffmipc.PeerIdentity;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Durations;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/** Socket set-up shared by the message-pipe server and client: creation, connecting, socket options. */
final class UnixSockets {
    private static final int EINTR = Errno.EINTR.intValue();
    /** Pause between connection attempts while no server listens (or its backlog is full). */
    private static final long CONNECT_RETRY_MILLIS = 5;

    private UnixSockets() {
    }

    /** A new SOCK_SEQPACKET Unix socket, non-blocking and close-on-exec. */
    static int seqPacketSocket(String label) {
        MemorySegment st = NativeBinder.callState();
        int fd = LibC.INSTANCE.socket(st, LibC.AF_UNIX.intValue(),
                LibC.SOCK_SEQPACKET.intValue() | LibC.SOCK_NONBLOCK.intValue() | LibC.SOCK_CLOEXEC.intValue(), 0);
        if (fd < 0) {
            throw Errno.exception("socket", label, LibC.INSTANCE.errno(st));
        }
        return fd;
    }

    /**
     * Connects to {@code address}, retrying until the deadline while nobody listens there
     * (ECONNREFUSED, ENOENT) or the listener's backlog is full (EAGAIN); then waits for the
     * server's admission. Returns the admitted pipe. When the deadline passes with nobody
     * listening, that is a {@link io.ffmipc.NoSuchIpcObjectException} ("no server is listening");
     * with a server that did not take the connection, an {@link IpcTimeoutException}.
     */
    static SeqPacketPipe connect(UnixAddress address, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        String label = address.label();
        int fd;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment sa = address.allocate(a);
            MemorySegment st = NativeBinder.callState();
            while (true) {
                fd = seqPacketSocket(label);
                if (LibC.INSTANCE.connect(st, fd, sa, address.length()) == 0) {
                    break;
                }
                int err = LibC.INSTANCE.errno(st);
                Descriptors.closeQuietly(fd);
                boolean notYet = err == Errno.ECONNREFUSED.intValue() || err == Errno.ENOENT.intValue()
                        || err == Errno.EAGAIN.intValue();
                if (!notYet && err != EINTR) {
                    throw Errno.exception("connect", label, err);
                }
                if (notYet && deadline.expired()) {
                    if (err == Errno.EAGAIN.intValue()) { // a server listens, but its backlog stayed full
                        throw new IpcTimeoutException("connect", label, Errno.osError(err),
                                "the server on '" + label + "' accepted no connection within " + Durations.format(timeout));
                    }
                    // nobody listened the whole time: a missing object (ECONNREFUSED, ENOENT map to NOT_FOUND)
                    throw Errno.exception("connect", label, err,
                            "no server is listening on '" + label + "' (waited " + Durations.format(timeout) + " for one)");
                }
                WaitSlices.checkInterrupt("connect", label);
                Descriptors.pause(Math.min(CONNECT_RETRY_MILLIS, Math.max(1, deadline.remainingNanos() / 1_000_000)),
                        "connect", label);
            }
        }
        SeqPacketPipe pipe = new SeqPacketPipe(fd, label);
        try {
            pipe.awaitAdmission(deadline, timeout);
            return pipe;
        } catch (RuntimeException e) {
            pipe.close();
            throw e;
        }
    }

    /** The process at the other end (SO_PEERCRED): as of its connect, or of its listen for a server. */
    static PeerIdentity peerCredentials(int fd, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cred = a.allocate(LibC.UCRED.layout());
            MemorySegment len = a.allocateFrom(JAVA_INT, (int) cred.byteSize());
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.getsockopt(st, fd, LibC.SOL_SOCKET.intValue(), LibC.SO_PEERCRED.intValue(), cred, len) != 0) {
                throw Errno.exception("getsockopt SO_PEERCRED", label, LibC.INSTANCE.errno(st));
            }
            return new PeerIdentity(cred.get(JAVA_INT, LibC.UCRED.offset("pid")),
                    Integer.toUnsignedLong(cred.get(JAVA_INT, LibC.UCRED.offset("uid"))),
                    Integer.toUnsignedLong(cred.get(JAVA_INT, LibC.UCRED.offset("gid"))));
        }
    }

    /** SO_SNDBUF as the kernel reports it (twice the value set, its bookkeeping included). */
    static int sendBufferSize(int fd, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment value = a.allocate(JAVA_INT);
            MemorySegment len = a.allocateFrom(JAVA_INT, 4);
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.getsockopt(st, fd, LibC.SOL_SOCKET.intValue(), LibC.SO_SNDBUF.intValue(), value, len) != 0) {
                throw Errno.exception("getsockopt SO_SNDBUF", label, LibC.INSTANCE.errno(st));
            }
            return value.get(JAVA_INT, 0);
        }
    }
}
