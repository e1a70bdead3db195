package io.ffmipc.linux;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcNames;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.Received;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.OpenOrCreate;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Optional;

/**
 * The portable {@link MessageQueue} as a POSIX message queue ({@code mq_open}); the kernel shows
 * it as the file {@code /dev/mqueue/<name>} where that file system is mounted.
 *
 * <h2>Timeouts</h2>
 * {@code mq_timedsend}/{@code mq_timedreceive} take an absolute time on CLOCK_REALTIME, and glibc
 * has no monotonic variant. So the monotonic {@link Deadline} stays the truth, and each wait is a
 * slice of at most 50 ms ({@link WaitSlices}) whose absolute end is computed from CLOCK_REALTIME
 * just before the call. A wall-clock step can only lengthen or shorten one slice, never the whole
 * wait; interrupts and a concurrent {@link #close()} are seen between slices. A zero timeout uses
 * an absolute time in the past, which the kernel answers at once (ETIMEDOUT) — no flag toggling.
 *
 * <h2>Permissions</h2>
 * mq_open applies the umask; the creator then sets the exact mode with {@code fchmod} on the queue
 * descriptor (which the mqueue file system supports). Between the two calls the mode may be
 * narrower than asked, never wider.
 *
 * <h2>Allocation</h2>
 * Sends and receives with native segments allocate nothing: the timeout and priority go through
 * per-thread scratch. A heap segment (a {@code byte[]}) is staged through a per-thread native
 * buffer of {@link #maxMessageSize()} bytes, allocated once per thread.
 */
public final class PosixMessageQueue implements MessageQueue {
    /** Highest priority: MQ_PRIO_MAX - 1 (32767 on Linux). */
    public static final int MAX_PRIORITY = LibC.MQ_PRIO_MAX.intValue() - 1;
    private static final int ETIMEDOUT = Errno.ETIMEDOUT.intValue();
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int EEXIST = Errno.EEXIST.intValue();
    private static final int ENOENT = Errno.ENOENT.intValue();
    private static final int EINVAL = Errno.EINVAL.intValue();
    private static final int EMFILE = Errno.EMFILE.intValue();
    private static final int ENOSPC = Errno.ENOSPC.intValue();
    private static final int EMSGSIZE = Errno.EMSGSIZE.intValue();
    private static final int CLOCK_REALTIME = LibC.CLOCK_REALTIME.intValue();
    private static final int O_NONBLOCK = LibC.O_NONBLOCK.intValue();
    private static final long ATTR_FLAGS = LibC.MQ_ATTR.offset("mq_flags");
    private static final long ATTR_MAXMSG = LibC.MQ_ATTR.offset("mq_maxmsg");
    private static final long ATTR_MSGSIZE = LibC.MQ_ATTR.offset("mq_msgsize");
    private static final long ATTR_CURMSGS = LibC.MQ_ATTR.offset("mq_curmsgs");

    private final String name;
    private final String posixName;
    private final int mqd;
    private final long maxMessages;
    private final long maxMessageSize;
    private final CloseGuard guard;
    /** Per-thread native staging for heap segments; made on first use by each thread. */
    private final ThreadLocal<MemorySegment> staging;

    private PosixMessageQueue(String name, String posixName, int mqd, long maxMessages, long maxMessageSize) {
        this.name = name;
        this.posixName = posixName;
        this.mqd = mqd;
        this.maxMessages = maxMessages;
        this.maxMessageSize = maxMessageSize;
        this.guard = new CloseGuard("message queue", name);
        this.staging = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(maxMessageSize, 8));
    }

    /** Opens or creates {@code name}; {@code options} apply only when this call creates it. */
    public static PosixMessageQueue open(String name, OpenMode mode, MessageQueueOptions options) {
        String posixName = IpcNames.posix(name);
        if (mode == null || options == null) {
            throw new IllegalArgumentException("message queue '" + name + "': open mode and options are required");
        }
        return switch (mode) {
            case CREATE -> createExclusive(name, posixName, options);
            case OPEN -> openExisting(name, posixName);
            case OPEN_OR_CREATE -> OpenOrCreate.run("mq_open", name,
                    () -> createExclusive(name, posixName, options),
                    () -> openExisting(name, posixName));
        };
    }

    private static PosixMessageQueue createExclusive(String name, String posixName, MessageQueueOptions o) {
        MemorySegment st = NativeBinder.callState();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment attr = a.allocate(LibC.MQ_ATTR.layout());
            attr.set(ValueLayout.JAVA_LONG, ATTR_MAXMSG, o.maxMessages());
            attr.set(ValueLayout.JAVA_LONG, ATTR_MSGSIZE, o.maxMessageSize());
            int oflag = LibC.O_RDWR.intValue() | LibC.O_CREAT.intValue() | LibC.O_EXCL.intValue()
                    | LibC.O_CLOEXEC.intValue();
            MemorySegment cName = a.allocateFrom(posixName);
            int mqd = LibC.INSTANCE.mqOpen(st, cName, oflag, o.permissions().mode(), attr);
            if (mqd < 0) {
                int err = LibC.INSTANCE.errno(st);
                String detail = err == EEXIST ? "a message queue with this name exists (OpenMode.CREATE is exclusive)"
                        : err == EINVAL ? MqueueLimits.invalidAttributes(o.maxMessages(), o.maxMessageSize())
                        : err == ENOSPC ? MqueueLimits.tooManyQueues()
                        : err == EMFILE ? MqueueLimits.outOfQueueBytes(o.maxMessages(), o.maxMessageSize())
                        : null;
                IpcException e = Errno.exception("mq_open", name, err, detail);
                // EINVAL for a size is a limit, whatever the generic table says.
                throw err == EINVAL ? new IpcLimitException("mq_open", name, Errno.osError(err), detail) : e;
            }
            if (LibC.INSTANCE.fchmod(st, mqd, o.permissions().mode()) != 0) {
                int err = LibC.INSTANCE.errno(st);
                LibC.INSTANCE.mqClose(st, mqd);
                LibC.INSTANCE.mqUnlink(st, cName);
                throw Errno.exception("fchmod", name, err, "cannot set mode " + o.permissions() + " on the new queue");
            }
            return withAttributes(name, posixName, mqd, st);
        }
    }

    private static PosixMessageQueue openExisting(String name, String posixName) {
        MemorySegment st = NativeBinder.callState();
        try (Arena a = Arena.ofConfined()) {
            int oflag = LibC.O_RDWR.intValue() | LibC.O_CLOEXEC.intValue();
            int mqd = LibC.INSTANCE.mqOpen(st, a.allocateFrom(posixName), oflag, 0, MemorySegment.NULL);
            if (mqd < 0) {
                int err = LibC.INSTANCE.errno(st);
                throw Errno.exception("mq_open", name, err,
                        err == ENOENT ? "no message queue with this name (OpenMode.OPEN does not create)" : null);
            }
            return withAttributes(name, posixName, mqd, st);
        }
    }

    /** Reads the queue's fixed sizes once (they are set at creation and never change). */
    private static PosixMessageQueue withAttributes(String name, String posixName, int mqd, MemorySegment st) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment attr = a.allocate(LibC.MQ_ATTR.layout());
            if (LibC.INSTANCE.mqGetattr(st, mqd, attr) != 0) {
                int err = LibC.INSTANCE.errno(st);
                LibC.INSTANCE.mqClose(st, mqd);
                throw Errno.exception("mq_getattr", name, err);
            }
            return new PosixMessageQueue(name, posixName, mqd, attr.get(ValueLayout.JAVA_LONG, ATTR_MAXMSG),
                    attr.get(ValueLayout.JAVA_LONG, ATTR_MSGSIZE));
        }
    }

    /** Removes the name {@code name}; {@code false} if there was no such queue. */
    public static boolean remove(String name) {
        return PosixUnlink.remove("mq_unlink", LibC.INSTANCE::mqUnlink, name, IpcNames.posix(name));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long maxMessages() {
        return maxMessages;
    }

    @Override
    public long maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public int maxPriority() {
        return MAX_PRIORITY;
    }

    @Override
    public long depth() {
        return attributes().depth();
    }

    @Override
    public Attributes attributes() {
        guard.enter();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment attr = a.allocate(LibC.MQ_ATTR.layout());
            if (LibC.INSTANCE.mqGetattr(st, mqd, attr) != 0) {
                throw Errno.exception("mq_getattr", name, LibC.INSTANCE.errno(st));
            }
            return new Attributes(attr.get(ValueLayout.JAVA_LONG, ATTR_MAXMSG),
                    attr.get(ValueLayout.JAVA_LONG, ATTR_MSGSIZE), attr.get(ValueLayout.JAVA_LONG, ATTR_CURMSGS),
                    (attr.get(ValueLayout.JAVA_LONG, ATTR_FLAGS) & O_NONBLOCK) != 0);
        } finally {
            guard.exit();
        }
    }

    @Override
    public boolean send(MemorySegment message, int priority, Duration timeout) {
        if (message == null) {
            throw new IllegalArgumentException("message queue '" + name + "': message is required");
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("message queue '" + name + "': priority must be 0 to " + MAX_PRIORITY
                    + " (MQ_PRIO_MAX - 1), got " + priority);
        }
        long len = message.byteSize();
        if (len > maxMessageSize) {
            throw new IpcLimitException("mq_timedsend", name, Errno.osError(EMSGSIZE), "the message has " + len
                    + " bytes but this queue takes at most " + maxMessageSize + " (mq_msgsize)");
        }
        long deadline = Deadline.nanosAfter(timeout); // primitive: allocation-free
        boolean noWait = timeout != null && timeout.isZero();
        guard.enter();
        try {
            MemorySegment msg = message;
            if (!message.isNative()) {
                msg = staging.get();
                MemorySegment.copy(message, 0, msg, 0, len);
            }
            MemorySegment st = NativeBinder.callState();
            MemorySegment ts = NativeScratch.get().timespec;
            while (true) {
                if (noWait) {
                    AbsoluteTimeouts.alreadyPassed(ts);
                } else {
                    AbsoluteTimeouts.nextSlice(st, CLOCK_REALTIME, ts, deadline, guard, "mq_timedsend", name);
                }
                if (LibC.INSTANCE.mqTimedsend(st, mqd, msg, len, priority, ts) == 0) {
                    return true;
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == ETIMEDOUT) {
                    if (noWait || Deadline.expired(deadline)) {
                        return false;
                    }
                } else if (err == EAGAIN) {
                    return false; // non-blocking mode and the queue is full
                } else if (err != EINTR) {
                    throw Errno.exception("mq_timedsend", name, err);
                }
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
            throw new IpcLimitException("mq_timedreceive", name, Errno.osError(EMSGSIZE), "the receive buffer holds "
                    + buffer.byteSize() + " bytes but messages on this queue may have up to " + maxMessageSize
                    + " (mq_msgsize); pass a buffer of at least " + maxMessageSize + " bytes");
        }
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("message queue '" + name + "': the receive buffer is read-only");
        }
        long deadline = Deadline.nanosAfter(timeout);
        boolean noWait = timeout != null && timeout.isZero();
        guard.enter();
        try {
            MemorySegment buf = buffer.isNative() ? buffer : staging.get();
            MemorySegment st = NativeBinder.callState();
            NativeScratch scratch = NativeScratch.get();
            MemorySegment ts = scratch.timespec;
            MemorySegment prio = scratch.word;
            while (true) {
                if (noWait) {
                    AbsoluteTimeouts.alreadyPassed(ts);
                } else {
                    AbsoluteTimeouts.nextSlice(st, CLOCK_REALTIME, ts, deadline, guard, "mq_timedreceive", name);
                }
                long n = LibC.INSTANCE.mqTimedreceive(st, mqd, buf, maxMessageSize, prio, ts);
                if (n >= 0) {
                    if (buf != buffer) {
                        MemorySegment.copy(buf, 0, buffer, 0, n);
                    }
                    if (into != null) {
                        into.set(n, prio.get(ValueLayout.JAVA_INT, 0));
                    }
                    return n;
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == ETIMEDOUT) {
                    if (noWait || Deadline.expired(deadline)) {
                        return timedOut(into);
                    }
                } else if (err == EAGAIN) {
                    return timedOut(into); // non-blocking mode and the queue is empty
                } else if (err != EINTR) {
                    throw Errno.exception("mq_timedreceive", name, err);
                }
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
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment attr = a.allocate(LibC.MQ_ATTR.layout());
            attr.set(ValueLayout.JAVA_LONG, ATTR_FLAGS, nonBlocking ? O_NONBLOCK : 0);
            if (LibC.INSTANCE.mqSetattr(st, mqd, attr, MemorySegment.NULL) != 0) {
                throw Errno.exception("mq_setattr", name, LibC.INSTANCE.errno(st));
            }
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
            remove(name);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.mqClose(st, mqd) != 0) {
                throw Errno.exception("mq_close", name, LibC.INSTANCE.errno(st));
            }
        }
    }

    @Override
    public String toString() {
        return "PosixMessageQueue[" + posixName + ", " + maxMessages + " × " + maxMessageSize + " bytes"
                + (guard.isClosed() ? ", closed]" : "]");
    }
}
