package io.ffmipc.core;

import io.ffmipc.spi.Durations;
import io.ffmipc.Inheritable;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcTimeoutException;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessageTooLargeException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.PassedHandle;
import io.ffmipc.PeerClosedException;
import io.ffmipc.PeerIdentity;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.spi.Attempt;
import io.ffmipc.Permissions;
import io.ffmipc.spi.MessagePipeSeam;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.spi.NativeMessagePipe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * A {@link MessagePipe} on any OS, over a {@link NativeMessagePipe} whose operations are one
 * attempt each. Every message travels as a {@link PipeFrames} frame: its kind tells a data message
 * from one carrying a handle, and an empty message from the end of the stream. A receive peeks at
 * the next frame first, so one that does not fit ({@link ReceiveBufferTooSmallException}) or is of
 * the other kind stays queued. Deadlines are cut into slices so that an interrupt or a close ends a
 * wait within one slice; each direction has its own lock, and the segment forms allocate nothing.
 *
 * <p>A connection starts with the server's answer ({@link PipeFrames#ACCEPTED}, or
 * {@link PipeFrames#REFUSED} with the reason), which {@link #connect} waits for.
 */
public final class SeamMessagePipe implements MessagePipe {
    /** How long close waits for a peer that takes nothing of what sends left to hand over. */
    private static final long CLOSE_STALL_NANOS = 1_000_000_000L;
    /** How long a server waits for room for its answer: a fresh connection's buffer is empty, so it does not wait. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(1);

    private final NativeMessagePipe pipe;
    private final String name;
    private final PeerIdentity peer;
    private final int maxMessageSize;
    private final CloseGuard guard;
    private final Arena arena = Arena.ofShared();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final ReentrantLock receiveLock = new ReentrantLock();
    private MemorySegment sendStaging;
    private MemorySegment receiveStaging;
    private final PipeSendFlusher.Pending leftovers = this::flushSome;

    SeamMessagePipe(NativeMessagePipe pipe, String name) {
        this.pipe = pipe;
        this.name = name;
        this.peer = pipe.peer();
        this.maxMessageSize = pipe.maxMessageSize();
        this.guard = new CloseGuard("message pipe", name);
    }

    /** Connects to the server of a portable name; see {@link #connect(Function, ProcessSeam, String, Duration, Permissions)}. */
    public static MessagePipe connect(MessagePipeSeam seam, ProcessSeam processes, String name, Duration timeout,
                                      Permissions permissions) {
        IpcNames.validate(name);
        return connect(seam::tryConnect, processes, name, timeout, permissions);
    }

    /** Connects to the server at a socket file; see {@link #connect(Function, ProcessSeam, String, Duration, Permissions)}. */
    public static MessagePipe connect(MessagePipeSeam seam, ProcessSeam processes, java.nio.file.Path socketPath,
                                      Duration timeout, Permissions permissions) {
        String label = socketPath == null ? null : socketPath.toAbsolutePath().toString();
        return connect(ignored -> seam.tryConnect(socketPath), processes, label, timeout, permissions);
    }

    /**
     * Tries to connect every few milliseconds until a server takes the connection or
     * {@code timeout} passes, then waits (in what is left of it) for the server's answer. If no
     * server listened during the whole timeout that is an error, not a timeout:
     * {@link NoSuchIpcObjectException} "no server is listening". A server that was there but did not
     * take or answer the connection in time is an {@link IpcTimeoutException}; one that refused this
     * process is an {@link IpcAccessDeniedException} with its reason. So is a server that runs as
     * another user, unless {@code permissions} accept that (issue 8 §2: names are first come, first
     * served, and another user could listen under the name first) — checked on the OS's word for
     * the server's user, before anything is sent.
     */
    private static MessagePipe connect(Function<String, NativeMessagePipe> tryConnect, ProcessSeam processes,
                                       String label, Duration timeout, Permissions permissions) {
        Objects.requireNonNull(permissions, "permissions");
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        NativeMessagePipe connection;
        while (true) {
            NoSuchIpcObjectException missing = null;
            try {
                connection = tryConnect.apply(label);
            } catch (NoSuchIpcObjectException nobody) {
                connection = null;
                missing = nobody;
            }
            if (connection != null) {
                break;
            }
            if (Deadline.expired(deadline)) {
                if (missing != null) {
                    throw new NoSuchIpcObjectException("connect", label, missing.osError().orElse(null),
                            "no server is listening on '" + label + "' (waited " + Durations.format(timeout) + " for one)");
                }
                throw new IpcTimeoutException("connect", label, null, "the server on '" + label
                        + "' did not take the connection within " + Durations.format(timeout) + " (its backlog stayed full)");
            }
            RetryPause.pause(deadline, "connect", label);
        }
        SeamMessagePipe pipe = new SeamMessagePipe(connection, label);
        try {
            OwnerCheck.require(processes, connection.peerUser(), permissions, "connect", "message-pipe server", label);
            pipe.awaitAdmission(deadline, timeout);
            return pipe;
        } catch (RuntimeException e) {
            pipe.close();
            throw e;
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
        NativeSegments.require(message, "send", name);
        checkSize(message.byteSize());
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        sendLock.lock();
        try {
            return sendFrame(PipeFrames.DATA, message, message.byteSize(), -1, deadline, "send");
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public boolean send(byte[] bytes, Duration timeout) {
        Objects.requireNonNull(bytes, "bytes");
        checkSize(bytes.length);
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        sendLock.lock();
        try {
            if (sendStaging == null) {
                guard.checkOpen();
                sendStaging = arena.allocate(Math.max(1, maxMessageSize));
            }
            MemorySegment.copy(bytes, 0, sendStaging, JAVA_BYTE, 0, bytes.length);
            return sendFrame(PipeFrames.DATA, sendStaging, bytes.length, -1, deadline, "send");
        } finally {
            sendLock.unlock();
        }
    }

    @Override
    public boolean sendHandle(Inheritable handle, Duration timeout) {
        String operation = "send handle on '" + name + "'";
        if (handle == null) {
            throw new IllegalArgumentException(operation + ": a handle is required");
        }
        long h = handle.osHandle();
        if (h < 0) {
            throw new IllegalArgumentException(operation + ": not a handle: " + h);
        }
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        sendLock.lock();
        try {
            return sendFrame(PipeFrames.HANDLE, MemorySegment.NULL, 0, h, deadline, "send handle");
        } finally {
            sendLock.unlock();
        }
    }

    private void checkSize(long size) {
        if (size > maxMessageSize) {
            throw new MessageTooLargeException("send", name, size, maxMessageSize);
        }
    }

    /**
     * Sends one frame; the caller holds the send lock. Nothing is sent unless the frame is committed
     * within the deadline. A byte-stream connection may have taken only its beginning: the rest is
     * handed over within the deadline, or else by the {@link PipeSendFlusher} as soon as the peer
     * reads — in order, before any later frame — so the message counts as sent.
     */
    private boolean sendFrame(byte kind, MemorySegment payload, long length, long handle, long deadline,
                              String operation) {
        guard.enter();
        try {
            while (true) {
                int r = pipe.send(kind, payload, length, handle, WaitSlices.next(deadline));
                if (r == Attempt.DONE) {
                    break;
                }
                if (Deadline.expired(deadline)) {
                    return false;
                }
                WaitSlices.checkInterrupt(operation, name);
                guard.checkOpen();
            }
            long left;
            while ((left = pipe.flush(WaitSlices.next(deadline))) != 0) {
                if (Deadline.expired(deadline) || Thread.currentThread().isInterrupted() || guard.isClosed()) {
                    PipeSendFlusher.hand(leftovers);
                    break;
                }
            }
            return true;
        } finally {
            guard.exit();
        }
    }

    /** For the {@link PipeSendFlusher}: one attempt to hand over what sends left, unless a send is running. */
    private boolean flushSome(long nanos) {
        if (!sendLock.tryLock()) {
            return false; // a send is running: it hands the rest over first itself
        }
        try {
            guard.enter();
            try {
                return pipe.flush(nanos) == 0;
            } finally {
                guard.exit();
            }
        } catch (IllegalStateException | IpcException closedOrGone) {
            return true; // closed (close handed over what it could) or the peer is gone (the next send says so)
        } finally {
            sendLock.unlock();
        }
    }

    // ---------------------------------------------------------------- receive

    @Override
    public long receive(MemorySegment buffer, Duration timeout) {
        NativeSegments.require(buffer, "receive", name);
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        receiveLock.lock();
        try {
            return receiveData(buffer, deadline);
        } finally {
            receiveLock.unlock();
        }
    }

    @Override
    public byte[] receive(Duration timeout) {
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
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
    private long receiveData(MemorySegment buffer, long deadline) {
        guard.enter();
        try {
            long n = peekFrame(deadline, "receive");
            if (n < 0) {
                return n;
            }
            byte kind = pipe.peekedKind();
            if (kind != PipeFrames.DATA) {
                throw wrongKind(kind, "receive", "receiveHandle()");
            }
            if (n > buffer.byteSize()) {
                throw new ReceiveBufferTooSmallException("receive", name, n, buffer.byteSize());
            }
            return pipe.take(buffer);
        } finally {
            guard.exit();
        }
    }

    @Override
    public PassedHandle receiveHandle(Duration timeout) {
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        receiveLock.lock();
        try {
            guard.enter();
            try {
                long n = peekFrame(deadline, "receive handle");
                if (n == TIMED_OUT) {
                    return null;
                }
                if (n == END_OF_STREAM) {
                    throw new PeerClosedException("receive handle", name, null, "the peer closed the pipe");
                }
                byte kind = pipe.peekedKind();
                if (kind != PipeFrames.HANDLE) {
                    throw wrongKind(kind, "receive handle", "receive()");
                }
                return pipe.takeHandle();
            } finally {
                guard.exit();
            }
        } finally {
            receiveLock.unlock();
        }
    }

    /**
     * Waits for the next frame and peeks at it: its payload length, {@link #END_OF_STREAM} or
     * {@link #TIMED_OUT}. The caller holds the receive lock and is inside the guard.
     */
    private long peekFrame(long deadline, String operation) {
        while (true) {
            long n = pipe.peek(WaitSlices.next(deadline));
            if (n >= 0) {
                return n;
            }
            if (n == NativeMessagePipe.END_OF_STREAM) {
                return END_OF_STREAM;
            }
            if (Deadline.expired(deadline)) {
                return TIMED_OUT;
            }
            WaitSlices.checkInterrupt(operation, name);
            guard.checkOpen();
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
            MemorySegment payload = once.allocate(Math.max(1, text.length));
            MemorySegment.copy(text, 0, payload, JAVA_BYTE, 0, text.length);
            sendLock.lock();
            try {
                sendFrame(kind, payload, text.length, -1, Deadline.nanosAfter(ANSWER_TIMEOUT), "answer client");
            } finally {
                sendLock.unlock();
            }
        }
    }

    /** Client side: waits for the server's answer; throws if refused or if none came in time. */
    private void awaitAdmission(long deadline, Duration timeout) {
        receiveLock.lock();
        try {
            guard.enter();
            try {
                long n = peekFrame(deadline, "connect");
                if (n == TIMED_OUT) {
                    throw new IpcTimeoutException("connect", name, null, "the server did not accept the connection within "
                            + Durations.format(timeout));
                }
                if (n == END_OF_STREAM) {
                    throw new PeerClosedException("connect", name, null, "the server closed the connection before answering");
                }
                byte kind = pipe.peekedKind();
                try (Arena once = Arena.ofConfined()) {
                    MemorySegment reason = once.allocate(Math.max(1, n));
                    pipe.take(reason);
                    if (kind == PipeFrames.ACCEPTED) {
                        return;
                    }
                    if (kind == PipeFrames.REFUSED) {
                        throw new IpcAccessDeniedException("connect", name, null,
                                new String(reason.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8));
                    }
                }
                throw new IpcException("connect", name, null, "the server answered with " + PipeFrames.describe(kind)
                        + ": it is not an ffm-ipc message pipe server");
            } finally {
                guard.exit();
            }
        } finally {
            receiveLock.unlock();
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            // Calls that got past their lock but not into the guard must be out before the buffers go.
            sendLock.lock();
            receiveLock.lock();
            try {
                flushBeforeClose();
            } finally {
                try {
                    arena.close();
                } finally {
                    receiveLock.unlock();
                    sendLock.unlock();
                    pipe.close();
                }
            }
        }
    }

    /**
     * Hands over what a byte-stream connection committed but has not handed over yet, for as long as
     * the peer keeps taking it; a peer that takes nothing for {@link #CLOSE_STALL_NANOS} must not hold
     * close longer, and what is left then is dropped (the peer sees the stream end before that frame).
     */
    private void flushBeforeClose() {
        long limit = Deadline.nanosFromNow(CLOSE_STALL_NANOS);
        long before = Long.MAX_VALUE;
        try {
            long left;
            while ((left = pipe.flush(WaitSlices.next(limit))) != 0) {
                if (left > 0 && left < before) {
                    before = left; // the peer is reading
                    limit = Deadline.nanosFromNow(CLOSE_STALL_NANOS);
                } else if (Deadline.expired(limit)) {
                    return;
                }
            }
        } catch (IpcException peerGone) {
            // nobody is left to read the rest
        }
    }

    @Override
    public String toString() {
        return "MessagePipe[" + name + ", peer " + peer + (guard.isClosed() ? ", closed]" : "]");
    }
}
