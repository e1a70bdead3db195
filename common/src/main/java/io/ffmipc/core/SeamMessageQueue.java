package io.ffmipc.core;

import io.ffmipc.IpcNames;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.MessageTooLargeException;
import io.ffmipc.OpenMode;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.Received;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.MessageQueueSeam;
import io.ffmipc.spi.NativeMessageQueue;
import io.ffmipc.spi.ProcessSeam;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Optional;

/**
 * The portable {@link MessageQueue} over an OS queue ({@link MessageQueueSeam}: POSIX mq), once
 * for every OS that has one: the seam opens or creates once and sends or receives once for at most
 * a slice; here are the open modes and the create/open race, the owner check, the argument, priority
 * and size rules, the close guard, the wait loop and the {@code byte[]} forms.
 *
 * <h2>Timeouts</h2>
 * The deadline is on the monotonic clock ({@link Deadline}); each attempt waits one slice of at
 * most 50 ms ({@link WaitSlices}), so interrupts and a concurrent {@link #close()} are seen between
 * slices and a slice ended early by a signal goes round with the time left. A zero timeout is one
 * attempt that does not wait at all.
 *
 * <h2>Allocation</h2>
 * Sends and receives with native segments allocate nothing. A heap segment (a {@code byte[]}) is
 * staged through a per-thread native buffer of {@link #maxMessageSize()} bytes, allocated once per
 * thread, because the kernel reads and writes native memory only.
 */
public final class SeamMessageQueue implements MessageQueue {
    private static final String SEND = "send message";
    private static final String RECEIVE = "receive message";
    private final MessageQueueSeam seam;
    private final NativeMessageQueue object;
    private final String name;
    private final long maxMessageSize;
    private final int maxPriority;
    private final CloseGuard guard;
    /** Per-thread native staging for heap segments; made on first use by each thread. */
    private final ThreadLocal<MemorySegment> staging;

    private SeamMessageQueue(MessageQueueSeam seam, NativeMessageQueue object, String name) {
        this.seam = seam;
        this.object = object;
        this.name = name;
        this.maxMessageSize = object.maxMessageSize();
        this.maxPriority = seam.maxPriority();
        this.guard = new CloseGuard("message queue", name);
        long size = maxMessageSize;
        this.staging = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(size, 8));
    }

    /** Opens or creates {@code name}; {@code options} apply only when this call creates it. */
    public static MessageQueue open(MessageQueueSeam seam, ProcessSeam processes, String name, OpenMode mode,
                                    MessageQueueOptions options) {
        IpcNames.validate(name);
        if (mode == null || options == null) {
            throw new IllegalArgumentException("message queue '" + name + "': open mode and options are required");
        }
        NativeMessageQueue object = OpenModes.open(mode, "open message queue", "message queue", name,
                () -> seam.create(name, options),
                () -> ownedBy(seam.open(name), processes, options, name));
        return new SeamMessageQueue(seam, object, name);
    }

    /** Removes the name {@code name}; {@code false} if there was no such queue. */
    public static boolean remove(MessageQueueSeam seam, String name) {
        return seam.unlink(IpcNames.validate(name));
    }

    /** An opened queue if its owner passes the owner check (the options' permissions may accept another); otherwise closed. */
    private static NativeMessageQueue ownedBy(NativeMessageQueue opened, ProcessSeam processes,
                                              MessageQueueOptions options, String name) {
        try {
            OwnerCheck.require(processes, opened.owner(), options.permissions(), "open message queue", "message queue",
                    name);
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long maxMessages() {
        return object.maxMessages();
    }

    @Override
    public long maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public int maxPriority() {
        return maxPriority;
    }

    @Override
    public long depth() {
        return attributes().depth();
    }

    @Override
    public Attributes attributes() {
        guard.enter();
        try {
            return object.attributes();
        } finally {
            guard.exit();
        }
    }

    @Override
    public boolean send(MemorySegment message, int priority, Duration timeout) {
        if (message == null) {
            throw new IllegalArgumentException("message queue '" + name + "': message is required");
        }
        if (priority < 0 || priority > maxPriority) {
            throw new IllegalArgumentException("message queue '" + name + "': priority must be 0 to " + maxPriority
                    + " (MQ_PRIO_MAX - 1), got " + priority);
        }
        long length = message.byteSize();
        if (length > maxMessageSize) {
            throw new MessageTooLargeException(SEND, name, length, maxMessageSize, "mq_msgsize");
        }
        long deadline = Deadline.nanosAfter(timeout); // primitive: allocation-free
        boolean noWait = timeout != null && timeout.isZero();
        guard.enter();
        try {
            MemorySegment msg = message;
            if (!message.isNative()) {
                msg = staging.get();
                MemorySegment.copy(message, 0, msg, 0, length);
            }
            while (true) {
                long slice = 0;
                if (!noWait) {
                    WaitSlices.checkInterrupt(SEND, name);
                    guard.checkOpen();
                    slice = WaitSlices.next(deadline);
                }
                int r = object.send(msg, length, priority, slice);
                if (r == Attempt.DONE) {
                    return true;
                }
                if (r == Attempt.WOULD_BLOCK) {
                    return false; // non-blocking mode and the queue is full
                }
                if (r == Attempt.TIMED_OUT && (noWait || Deadline.expired(deadline))) {
                    return false;
                }
                // the end of a slice before the deadline, or a signal: go round with the time left
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public long receive(MemorySegment buffer, Received into, Duration timeout) {
        if (buffer == null) {
            throw new IllegalArgumentException("message queue '" + name + "': buffer is required");
        }
        if (buffer.byteSize() < maxMessageSize) {
            throw ReceiveBufferTooSmallException.forLargestMessage(RECEIVE, name, maxMessageSize, buffer.byteSize(),
                    "mq_msgsize");
        }
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("message queue '" + name + "': the receive buffer is read-only");
        }
        long deadline = Deadline.nanosAfter(timeout);
        boolean noWait = timeout != null && timeout.isZero();
        guard.enter();
        try {
            MemorySegment buf = buffer.isNative() ? buffer : staging.get();
            while (true) {
                long slice = 0;
                if (!noWait) {
                    WaitSlices.checkInterrupt(RECEIVE, name);
                    guard.checkOpen();
                    slice = WaitSlices.next(deadline);
                }
                long n = object.receive(buf, into, slice);
                if (n >= 0) {
                    if (buf != buffer) {
                        MemorySegment.copy(buf, 0, buffer, 0, n);
                    }
                    return n;
                }
                if (n == Attempt.WOULD_BLOCK || (n == Attempt.TIMED_OUT && (noWait || Deadline.expired(deadline)))) {
                    return timedOut(into);
                }
                // the end of a slice before the deadline, or a signal: go round with the time left
            }
        } finally {
            guard.exit();
        }
    }

    private static long timedOut(Received into) {
        if (into != null) {
            into.set(-1, 0);
        }
        return -1;
    }

    @Override
    public boolean send(byte[] message, int priority, Duration timeout) {
        if (message == null) {
            throw new IllegalArgumentException("message queue '" + name + "': message is required");
        }
        return send(MemorySegment.ofArray(message), priority, timeout);
    }

    @Override
    public Optional<Message> receive(Duration timeout) {
        guard.checkOpen();
        Received r = new Received();
        MemorySegment buf = staging.get();
        long n = receive(buf, r, timeout);
        if (n < 0) {
            return Optional.empty();
        }
        return Optional.of(new Message(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), r.priority()));
    }

    @Override
    public void setNonBlocking(boolean nonBlocking) {
        guard.enter();
        try {
            object.setNonBlocking(nonBlocking);
        } finally {
            guard.exit();
        }
    }

    @Override
    public boolean isNonBlocking() {
        return attributes().nonBlocking();
    }

    @Override
    public void unlink() {
        guard.enter();
        try {
            seam.unlink(name);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            object.close();
        }
    }

    @Override
    public String toString() {
        return "message queue '" + name + "' (" + object.maxMessages() + " × " + maxMessageSize + " bytes"
                + (guard.isClosed() ? ", closed)" : ")");
    }
}
