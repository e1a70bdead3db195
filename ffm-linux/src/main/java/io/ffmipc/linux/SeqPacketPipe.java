package io.ffmipc.linux;

import io.ffmipc.Inheritable;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcTimeoutException;
import io.ffmipc.MessagePipe;
import io.ffmipc.PassedHandle;
import io.ffmipc.PeerClosedException;
import io.ffmipc.PeerIdentity;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.PipeFrames;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Durations;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A {@link MessagePipe} on a connected Unix {@code SOCK_SEQPACKET} socket (non-blocking,
 * close-on-exec). Every message is one {@code sendmsg}: a one-byte {@link PipeFrames} kind from a
 * per-pipe buffer, then the caller's segment (gathered by a second iovec, so nothing is copied).
 * A receive first peeks ({@code MSG_PEEK|MSG_TRUNC}) at the kind and the full length, so a
 * message that does not fit, or is of the other kind, stays queued. Each direction has its own
 * preallocated {@code msghdr}, iovecs and control buffer and its own lock; sends and receives
 * allocate nothing. Sends use MSG_NOSIGNAL: a vanished peer is EPIPE, never SIGPIPE.
 *
 * <p>The largest message is the kernel's rule for Unix datagram sockets (net/unix/af_unix.c):
 * at most {@code SO_SNDBUF - 32} bytes, less our header byte.
 */
final class SeqPacketPipe implements MessagePipe {
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int ECONNRESET = Errno.ECONNRESET.intValue();
    private static final int EPIPE = Errno.EPIPE.intValue();
    private static final int MSG_PEEK = LibC.MSG_PEEK.intValue();
    private static final int MSG_TRUNC = LibC.MSG_TRUNC.intValue();
    private static final int MSG_CTRUNC = LibC.MSG_CTRUNC.intValue();
    private static final int MSG_NOSIGNAL = LibC.MSG_NOSIGNAL.intValue();
    private static final int MSG_CMSG_CLOEXEC = LibC.MSG_CMSG_CLOEXEC.intValue();
    private static final int SOL_SOCKET = LibC.SOL_SOCKET.intValue();
    private static final int SCM_RIGHTS = LibC.SCM_RIGHTS.intValue();
    /** What the kernel keeps back from SO_SNDBUF for a datagram (af_unix.c: len > sk_sndbuf - 32 → EMSGSIZE). */
    private static final int KERNEL_DATAGRAM_RESERVE = 32;

    private static final long MSG_IOV = LibC.MSGHDR.offset("msg_iov");
    private static final long MSG_IOVLEN = LibC.MSGHDR.offset("msg_iovlen");
    private static final long MSG_CONTROL = LibC.MSGHDR.offset("msg_control");
    private static final long MSG_CONTROLLEN = LibC.MSGHDR.offset("msg_controllen");
    private static final long MSG_FLAGS = LibC.MSGHDR.offset("msg_flags");
    private static final long IOV_SIZE = LibC.IOVEC.layout().byteSize();
    private static final long IOV_BASE = LibC.IOVEC.offset("iov_base");
    private static final long IOV_LEN = LibC.IOVEC.offset("iov_len");
    private static final long CMSG_LEN = LibC.CMSGHDR.offset("cmsg_len");
    private static final long CMSG_LEVEL = LibC.CMSGHDR.offset("cmsg_level");
    private static final long CMSG_TYPE = LibC.CMSGHDR.offset("cmsg_type");
    private static final long CMSG_DATA = LibC.CMSG_DATA_OFFSET.longValue();
    private static final long CMSG_SPACE_ONE_FD = LibC.CMSG_SPACE_ONE_FD.longValue();
    private static final long CMSG_LEN_ONE_FD = LibC.CMSG_LEN_ONE_FD.longValue();

    // One block per direction: msghdr | iovec[2] | header byte (8 reserved) | control buffer for one descriptor.
    private static final long OFF_IOV = LibC.MSGHDR.layout().byteSize();
    private static final long OFF_HEADER = OFF_IOV + 2 * IOV_SIZE;
    private static final long OFF_CONTROL = OFF_HEADER + 8;
    private static final long BLOCK_SIZE = OFF_CONTROL + CMSG_SPACE_ONE_FD;

    private final int fd;
    private final String name;
    private final PeerIdentity peer;
    private final int maxMessageSize;
    private final CloseGuard guard;
    private final Arena arena = Arena.ofShared();
    private final Block sendBlock;
    private final Block receiveBlock;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final ReentrantLock receiveLock = new ReentrantLock();
    private MemorySegment sendStaging;
    private MemorySegment receiveStaging;

    /** Takes ownership of a connected socket; closes it if it cannot be set up. */
    SeqPacketPipe(int fd, String name) {
        this.fd = fd;
        this.name = name;
        this.guard = new CloseGuard("message pipe", name);
        try {
            this.peer = UnixSockets.peerCredentials(fd, name);
            this.maxMessageSize = UnixSockets.sendBufferSize(fd, name) - KERNEL_DATAGRAM_RESERVE - PipeFrames.HEADER_SIZE;
        } catch (RuntimeException e) {
            arena.close();
            Descriptors.closeQuietly(fd);
            throw e;
        }
        this.sendBlock = new Block(arena.allocate(BLOCK_SIZE, 8));
        this.receiveBlock = new Block(arena.allocate(BLOCK_SIZE, 8));
    }

    /** The preallocated msghdr and friends of one direction; the fixed pointers are set once. */
    private static final class Block {
        final MemorySegment msg;
        final MemorySegment control;

        Block(MemorySegment msg) {
            this.msg = msg;
            this.control = msg.asSlice(OFF_CONTROL, CMSG_SPACE_ONE_FD);
            msg.set(ADDRESS, MSG_IOV, msg.asSlice(OFF_IOV));
            msg.set(ADDRESS, OFF_IOV + IOV_BASE, msg.asSlice(OFF_HEADER));
            msg.set(JAVA_LONG, OFF_IOV + IOV_LEN, PipeFrames.HEADER_SIZE);
        }

        /** The header iovec, plus {@code payload} as a second one unless null; no control data. */
        void prepare(MemorySegment payload, long length) {
            msg.set(JAVA_LONG, MSG_IOVLEN, payload == null ? 1 : 2);
            if (payload != null) {
                msg.set(ADDRESS, OFF_IOV + IOV_SIZE + IOV_BASE, payload);
                msg.set(JAVA_LONG, OFF_IOV + IOV_SIZE + IOV_LEN, length);
            }
            msg.set(ADDRESS, MSG_CONTROL, MemorySegment.NULL);
            msg.set(JAVA_LONG, MSG_CONTROLLEN, 0);
            msg.set(JAVA_INT, MSG_FLAGS, 0);
        }

        void withControl() {
            msg.set(ADDRESS, MSG_CONTROL, control);
            msg.set(JAVA_LONG, MSG_CONTROLLEN, CMSG_SPACE_ONE_FD);
        }

        byte header() {
            return msg.get(JAVA_BYTE, OFF_HEADER);
        }

        void header(byte kind) {
            msg.set(JAVA_BYTE, OFF_HEADER, kind);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PeerIdentity peer() {
        guard.checkOpen();
        return peer;
    }

    @Override
    public int maxMessageSize() {
        return maxMessageSize;
    }

    // ---------------------------------------------------------------- send

    @Override
    public boolean send(MemorySegment message, Duration timeout) {
        Descriptors.requireNative(message, "send", name);
        checkSize(message.byteSize());
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        sendLock.lock();
        try {
            return sendFrame(PipeFrames.DATA, message, -1, deadline, "send");
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public boolean send(byte[] bytes, Duration timeout) {
        Objects.requireNonNull(bytes, "bytes");
        checkSize(bytes.length);
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        sendLock.lock();
        try {
            if (sendStaging == null) {
                guard.checkOpen();
                sendStaging = arena.allocate(Math.max(1, maxMessageSize));
            }
            MemorySegment.copy(bytes, 0, sendStaging, JAVA_BYTE, 0, bytes.length);
            return sendFrame(PipeFrames.DATA, sendStaging.asSlice(0, bytes.length), -1, deadline, "send");
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public boolean sendHandle(Inheritable handle, Duration timeout) {
        int passed = Descriptors.of(handle, "send handle on '" + name + "'");
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        sendLock.lock();
        try {
            return sendFrame(PipeFrames.HANDLE, null, passed, deadline, "send handle");
        } finally {
            sendLock.unlock();
        }
    }

    private void checkSize(long size) {
        if (size > maxMessageSize) {
            throw new IpcLimitException("send", name, null, "a message of " + size + " bytes exceeds the maximum of "
                    + maxMessageSize + " bytes (this socket's SO_SNDBUF less " + (KERNEL_DATAGRAM_RESERVE + PipeFrames.HEADER_SIZE)
                    + "; net.core.wmem_default sets it)");
        }
    }

    /** Sends one frame; the caller holds the send lock. {@code passFd} >= 0 attaches that descriptor. */
    boolean sendFrame(byte kind, MemorySegment payload, int passFd, Deadline deadline, String operation) {
        guard.enter();
        try {
            Block b = sendBlock;
            b.header(kind);
            b.prepare(payload, payload == null ? 0 : payload.byteSize());
            if (passFd >= 0) {
                b.control.fill((byte) 0);
                b.control.set(JAVA_LONG, CMSG_LEN, CMSG_LEN_ONE_FD);
                b.control.set(JAVA_INT, CMSG_LEVEL, SOL_SOCKET);
                b.control.set(JAVA_INT, CMSG_TYPE, SCM_RIGHTS);
                b.control.set(JAVA_INT, CMSG_DATA, passFd);
                b.withControl();
            }
            MemorySegment st = NativeBinder.callState();
            while (true) {
                if (LibC.INSTANCE.sendmsg(st, fd, b.msg, MSG_NOSIGNAL) >= 0) {
                    return true; // a SOCK_SEQPACKET send is all or nothing
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == EAGAIN) {
                    if (deadline.expired()) {
                        return false;
                    }
                    DescriptorWait.slice(fd, DescriptorWait.POLLOUT, deadline, guard, operation, name);
                } else if (err != EINTR) {
                    throw Errno.exception(operation, name, err,
                            err == EPIPE || err == ECONNRESET ? "the peer closed the pipe" : null);
                }
            }
        } finally {
            guard.exit();
        }
    }

    // ---------------------------------------------------------------- receive

    @Override
    public long receive(MemorySegment buffer, Duration timeout) {
        Descriptors.requireNative(buffer, "receive", name);
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        receiveLock.lock();
        try {
            return receiveData(buffer, deadline);
        } finally {
            receiveLock.unlock();
        }
    }

    @Override
    public byte[] receive(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        receiveLock.lock();
        try {
            if (receiveStaging == null) {
                guard.checkOpen();
                receiveStaging = arena.allocate(Math.max(1, maxMessageSize));
            }
            MemorySegment buf = receiveStaging;
            long n;
            try {
                n = receiveData(buf, deadline);
            } catch (ReceiveBufferTooSmallException larger) {
                // The peer's limit is higher than ours: the message is still queued, take it whole.
                try (Arena once = Arena.ofConfined()) {
                    buf = once.allocate(larger.messageSize());
                    n = receiveData(buf, deadline);
                    return toArray(buf, n);
                }
            }
            return toArray(buf, n);
        } finally {
            receiveLock.unlock();
        }
    }

    private byte[] toArray(MemorySegment buf, long n) {
        if (n == TIMED_OUT) {
            return null;
        }
        if (n == END_OF_STREAM) {
            throw new PeerClosedException("receive", name, null, "the peer closed the pipe");
        }
        return buf.asSlice(0, n).toArray(JAVA_BYTE);
    }

    /** Receives a DATA frame into {@code buffer}; the caller holds the receive lock. */
    private long receiveData(MemorySegment buffer, Deadline deadline) {
        guard.enter();
        try {
            long n = peekFrame(deadline, "receive");
            if (n <= 0) {
                return n == 0 ? END_OF_STREAM : TIMED_OUT;
            }
            byte kind = receiveBlock.header();
            if (kind != PipeFrames.DATA) {
                throw wrongKind(kind, "receive", "receiveHandle()");
            }
            long size = n - PipeFrames.HEADER_SIZE;
            if (size > buffer.byteSize()) {
                throw new ReceiveBufferTooSmallException("receive", name, size, buffer.byteSize());
            }
            receiveBlock.prepare(buffer, buffer.byteSize());
            take("receive");
            return size;
        } finally {
            guard.exit();
        }
    }

    @Override
    public PassedHandle receiveHandle(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        receiveLock.lock();
        try {
            guard.enter();
            try {
                return takeHandle(deadline);
            } finally {
                guard.exit();
            }
        } finally {
            receiveLock.unlock();
        }
    }

    private PassedHandle takeHandle(Deadline deadline) {
        {
            long n = peekFrame(deadline, "receive handle");
            if (n == TIMED_OUT) {
                return null;
            }
            if (n == 0) {
                throw new PeerClosedException("receive handle", name, null, "the peer closed the pipe");
            }
            byte kind = receiveBlock.header();
            if (kind != PipeFrames.HANDLE) {
                throw wrongKind(kind, "receive handle", "receive()");
            }
            Block b = receiveBlock;
            b.prepare(null, 0);
            b.control.fill((byte) 0);
            b.withControl();
            take("receive handle");
            boolean truncated = (b.msg.get(JAVA_INT, MSG_FLAGS) & MSG_CTRUNC) != 0;
            long controlLength = b.msg.get(JAVA_LONG, MSG_CONTROLLEN);
            if (controlLength >= CMSG_LEN_ONE_FD && b.control.get(JAVA_INT, CMSG_LEVEL) == SOL_SOCKET
                    && b.control.get(JAVA_INT, CMSG_TYPE) == SCM_RIGHTS) {
                int received = b.control.get(JAVA_INT, CMSG_DATA);
                if (b.control.get(JAVA_LONG, CMSG_LEN) != CMSG_LEN_ONE_FD || truncated) {
                    Descriptors.closeQuietly(received);
                    throw new IpcException("receive handle", name, null,
                            "the peer passed more than one descriptor in one message (the extra ones were dropped)");
                }
                return new ReceivedDescriptor(received, name + " (pid " + peer.pid() + ")");
            }
            throw new IpcException("receive handle", name, null, truncated
                    ? "the descriptor did not arrive (MSG_CTRUNC: this process may be out of descriptors)"
                    : "the handle message carried no descriptor");
        }
    }

    /**
     * Waits for the next frame and peeks at it: its kind lands in the receive block's header byte.
     * Returns its full length (header included), 0 at end of stream, {@link #TIMED_OUT}.
     */
    private long peekFrame(Deadline deadline, String operation) {
        MemorySegment st = NativeBinder.callState();
        while (true) {
            receiveBlock.prepare(null, 0);
            long n = LibC.INSTANCE.recvmsg(st, fd, receiveBlock.msg, MSG_PEEK | MSG_TRUNC);
            if (n >= 0) {
                return n; // every frame has a header byte, so 0 can only be the end of the stream
            }
            int err = LibC.INSTANCE.errno(st);
            if (err == ECONNRESET) {
                return 0; // the peer went away without reading what we sent; all it sent was delivered
            }
            if (err == EAGAIN) {
                if (deadline.expired()) {
                    return TIMED_OUT;
                }
                DescriptorWait.slice(fd, DescriptorWait.POLLIN, deadline, guard, operation, name);
            } else if (err != EINTR) {
                throw Errno.exception(operation, name, err);
            }
        }
    }

    /** Takes the peeked frame off the queue into the prepared receive block. */
    private void take(String operation) {
        MemorySegment st = NativeBinder.callState();
        while (LibC.INSTANCE.recvmsg(st, fd, receiveBlock.msg, MSG_CMSG_CLOEXEC) < 0) {
            int err = LibC.INSTANCE.errno(st);
            if (err != EINTR) {
                throw Errno.exception(operation, name, err, "taking a message that was already peeked at");
            }
        }
    }

    private IpcException wrongKind(byte kind, String operation, String instead) {
        return new IpcException(operation, name, null, "the next message is " + PipeFrames.describe(kind)
                + "; it stays queued: take it with " + instead);
    }

    // ---------------------------------------------------------------- connection set-up

    /** Server side: tells the client it is admitted, or why not. */
    void answer(byte kind, String reason) {
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        try (Arena once = Arena.ofConfined()) {
            MemorySegment payload = once.allocate(Math.max(1, text.length)).asSlice(0, text.length);
            MemorySegment.copy(text, 0, payload, JAVA_BYTE, 0, text.length);
            sendLock.lock();
            try {
                // A fresh connection's buffer is empty, so this does not wait.
                sendFrame(kind, payload, -1, Deadline.after(Duration.ofSeconds(1)), "answer client");
            } finally {
                sendLock.unlock();
            }
        }
    }

    /** Client side: waits for the server's answer; throws if refused or if none came in time. */
    void awaitAdmission(Deadline deadline, Duration timeout) {
        receiveLock.lock();
        try {
            guard.enter();
            try {
                admission(deadline, timeout);
            } finally {
                guard.exit();
            }
        } finally {
            receiveLock.unlock();
        }
    }

    private void admission(Deadline deadline, Duration timeout) {
        {
            long n = peekFrame(deadline, "connect");
            if (n == TIMED_OUT) {
                throw new IpcTimeoutException("connect", name, null, "the server did not accept the connection within "
                        + Durations.format(timeout));
            }
            if (n == 0) {
                throw new PeerClosedException("connect", name, null, "the server closed the connection before answering");
            }
            byte kind = receiveBlock.header();
            long size = n - PipeFrames.HEADER_SIZE;
            try (Arena once = Arena.ofConfined()) {
                MemorySegment reason = once.allocate(Math.max(1, size));
                receiveBlock.prepare(reason, size);
                take("connect");
                if (kind == PipeFrames.ACCEPTED) {
                    return;
                }
                if (kind == PipeFrames.REFUSED) {
                    throw new IpcAccessDeniedException("connect", name, null,
                            new String(reason.asSlice(0, size).toArray(JAVA_BYTE), StandardCharsets.UTF_8));
                }
            }
            throw new IpcException("connect", name, null, "the server answered with " + PipeFrames.describe(kind)
                    + ": it is not an ffm-ipc message pipe server");
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            // Calls that got past their lock but not into the guard must be out before the buffers go.
            sendLock.lock();
            receiveLock.lock();
            try {
                arena.close();
            } finally {
                receiveLock.unlock();
                sendLock.unlock();
            }
            Descriptors.close(fd, name);
        }
    }

    @Override
    public String toString() {
        return "SeqPacketPipe[" + name + ", peer " + peer + (guard.isClosed() ? ", closed]" : "]");
    }
}
