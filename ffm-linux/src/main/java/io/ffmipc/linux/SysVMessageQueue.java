package io.ffmipc.linux;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.PollBackoff;
import io.ffmipc.core.OpenOrCreate;
import io.ffmipc.SystemVKeys;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A System V message queue ({@code msgget}), found by a numeric key: a Linux-specific extension
 * beside the portable {@link io.ffmipc.MessageQueue}, for what only System V offers — every message
 * carries a positive <em>type</em>, and a receive can select by it (see {@link Selector}):
 * exactly one type, any type, or the lowest type up to a bound (a priority queue where lower is
 * more urgent). The queue is bounded by bytes ({@link Stat#maxBytes()}, changeable with
 * {@link #setMaxBytes}), not by a message count.
 *
 * <h2>Timed send and receive: how they work</h2>
 * System V has no timed {@code msgrcv} or {@code msgsnd}, and a thread blocked inside one cannot be
 * reached by a Java interrupt or by {@link #close()}. So every waiting call here polls: it tries
 * with {@code IPC_NOWAIT}, and while the queue is empty (ENOMSG) or full (EAGAIN) it pauses by
 * {@link PollBackoff}: it yields the CPU between the first {@value PollBackoff#YIELD_POLLS} tries,
 * then parks for a back-off that doubles up to {@value PollBackoff#MAX_PARK_NANOS} ns (2 ms), never
 * past the deadline, checking the interrupt flag and whether the queue was closed between tries.
 * <ul>
 *   <li>Latency cost: a message that arrives while a receiver is idle is seen at most 2 ms late
 *       (after a busy period, much sooner, as the back-off starts small again for each call).</li>
 *   <li>CPU cost: a receiver that waits a long time makes about 500 {@code msgrcv} calls a
 *       second — cheap, but not free; prefer the POSIX queue where latency matters.</li>
 *   <li>Fairness: a polling receiver is not queued in the kernel, so among several receivers of the
 *       same type the kernel does not decide the order; each message still goes to exactly one.</li>
 * </ul>
 * The alternatives were worse: a blocking {@code msgrcv} cannot be interrupted from Java (no signal
 * can be aimed at the thread without native code of our own), and a helper thread per waiter
 * would be a leak whenever the wait is abandoned.
 *
 * <p>System V queues have no handle: {@link #close()} only ends this object's use of the queue;
 * {@link #remove()} deletes it for everyone.
 */
public final class SysVMessageQueue implements AutoCloseable {
    /** The smallest byte limit {@link #setMaxBytes} takes: one byte, the smallest message's text. */
    public static final long MIN_MAX_BYTES = 1;
    private static final int EEXIST = Errno.EEXIST.intValue();
    private static final int ENOENT = Errno.ENOENT.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int ENOMSG = Errno.ENOMSG.intValue();
    private static final int E2BIG = Errno.E2BIG.intValue();
    private static final int EINVAL = Errno.EINVAL.intValue();
    private static final int EIDRM = Errno.EIDRM.intValue();
    private static final int EPERM = Errno.EPERM.intValue();
    private static final int IPC_NOWAIT = LibC.IPC_NOWAIT.intValue();
    private static final int MSG_NOERROR = LibC.MSG_NOERROR.intValue();
    private static final long PERM = LibC.MSQID_DS.offset("msg_perm");
    /** Per-thread native buffer for {@code struct msgbuf} (a long type, then the text); grown on demand. */
    private static final ThreadLocal<MemorySegment[]> MSGBUF = ThreadLocal.withInitial(() -> new MemorySegment[1]);

    private final int key;
    private final int id;
    private final boolean created;
    private final String label;
    private final CloseGuard guard;

    private SysVMessageQueue(int key, int id, boolean created) {
        this.key = key;
        this.id = id;
        this.created = created;
        this.label = label(key);
        this.guard = new CloseGuard("message queue", label);
    }

    private static String label(int key) {
        return SystemVKeys.label("message queue", key);
    }

    /**
     * Which message a receive takes ({@code msgtyp} of msgrcv).
     *
     * @param msgtyp 0: the first message of any type; > 0: the first of exactly that type;
     *               < 0: the first of the lowest type that is at most {@code -msgtyp}
     */
    public record Selector(long msgtyp) {
        /** The oldest message, whatever its type. */
        public static Selector any() {
            return new Selector(0);
        }

        /** The oldest message of type {@code type} (at least 1). */
        public static Selector exactly(long type) {
            if (type < 1) {
                throw new IllegalArgumentException("a message type is at least 1, got " + type);
            }
            return new Selector(type);
        }

        /** The oldest message of the lowest type that is at most {@code bound} (at least 1). */
        public static Selector lowestAtMost(long bound) {
            if (bound < 1) {
                throw new IllegalArgumentException("a message type bound is at least 1, got " + bound);
            }
            return new Selector(-bound);
        }
    }

    /** Where a zero-copy receive reports the message's type and size; reusable, one per thread. */
    public static final class Received {
        private long type;
        private long size = -1;

        public long type() {
            return type;
        }

        /** Bytes copied into the buffer (after truncation); -1 after a timeout. */
        public long size() {
            return size;
        }

        void set(long type, long size) {
            this.type = type;
            this.size = size;
        }
    }

    /** A received message as its own array. */
    public record Message(long type, byte[] data) {
    }

    /**
     * What {@code IPC_STAT} reports.
     *
     * @param messages       messages in the queue (msg_qnum)
     * @param bytes          bytes in the queue (__msg_cbytes)
     * @param maxBytes       most bytes the queue holds (msg_qbytes)
     * @param lastSendPid    pid of the last msgsnd (0 if none)
     * @param lastReceivePid pid of the last msgrcv (0 if none)
     * @param mode           permission bits
     */
    public record Stat(int key, int id, long messages, long bytes, long maxBytes, int lastSendPid,
                       int lastReceivePid, Instant lastSend, Instant lastReceive, Instant lastChange,
                       int ownerUid, int ownerGid, int mode) {
    }

    /** Opens or creates the queue for {@code key} with owner-only permissions when created. */
    public static SysVMessageQueue open(int key, OpenMode mode) {
        return open(key, mode, Permissions.OWNER_ONLY);
    }

    /** Opens or creates the queue for {@code key}; {@code permissions} apply only on creation. */
    public static SysVMessageQueue open(int key, OpenMode mode, Permissions permissions) {
        String label = label(key);
        if (mode == null || permissions == null) {
            throw new IllegalArgumentException(label + ": mode and permissions are required");
        }
        SystemVKeys.requireShareable(label, key);
        return switch (mode) {
            case CREATE -> get(key, label, LibC.IPC_CREAT.intValue() | LibC.IPC_EXCL.intValue() | permissions.mode());
            case OPEN -> get(key, label, 0);
            case OPEN_OR_CREATE -> OpenOrCreate.run("msgget", label,
                    () -> get(key, label, LibC.IPC_CREAT.intValue() | LibC.IPC_EXCL.intValue() | permissions.mode()),
                    () -> get(key, label, 0));
        };
    }

    private static SysVMessageQueue get(int key, String label, int flags) {
        MemorySegment st = NativeBinder.callState();
        int id = LibC.INSTANCE.msgget(st, key, flags);
        if (id < 0) {
            int err = LibC.INSTANCE.errno(st);
            throw Errno.exception("msgget", label, err, err == EEXIST
                    ? "a queue with this key exists (OpenMode.CREATE is exclusive)"
                    : err == ENOENT ? "no queue with this key (OpenMode.OPEN does not create)"
                    : err == Errno.ENOSPC.intValue() ? "the system has reached " + kernelLimit("msgmni") + " queues"
                    : null);
        }
        return new SysVMessageQueue(key, id, flags != 0);
    }

    /** {@code /proc/sys/kernel/<name>} with its value, for messages that name a limit. */
    static String kernelLimit(String name) {
        return ProcValues.shown(Path.of("/proc/sys/kernel", name));
    }

    /** The largest single message the kernel takes ({@code /proc/sys/kernel/msgmax}), -1 if unreadable. */
    static long msgmax() {
        return ProcValues.read(Path.of("/proc/sys/kernel/msgmax"));
    }

    public int key() {
        return key;
    }

    /** The kernel's identifier (as {@code ipcs -q} shows it). */
    public int id() {
        return id;
    }

    /** Whether this call created the queue. */
    public boolean created() {
        return created;
    }

    private static MemorySegment msgbuf(long textBytes) {
        MemorySegment[] holder = MSGBUF.get();
        MemorySegment b = holder[0];
        if (b == null || b.byteSize() < 8 + textBytes) {
            b = Arena.ofAuto().allocate(Math.max(8 + textBytes, 8 + 8192), 8);
            holder[0] = b;
        }
        return b;
    }

    /**
     * Sends {@code payload} as a message of {@code type} (at least 1), waiting at most {@code timeout}
     * ({@code null}: without limit, {@link Duration#ZERO}: {@code IPC_NOWAIT}) while the queue is full.
     * Returns {@code false} on timeout. See the class comment for how the wait works.
     */
    public boolean send(long type, MemorySegment payload, Duration timeout) {
        if (type < 1) {
            throw new IllegalArgumentException(label + ": a message type is at least 1, got " + type);
        }
        long len = payload.byteSize();
        long deadline = Deadline.nanosAfter(timeout); // primitive: allocation-free
        guard.enter();
        try {
            MemorySegment buf = msgbuf(len);
            buf.set(ValueLayout.JAVA_LONG, 0, type);
            MemorySegment.copy(payload, 0, buf, 8, len);
            MemorySegment st = NativeBinder.callState();
            long backoff = PollBackoff.START;
            boolean checkedFit = false;
            while (true) {
                if (LibC.INSTANCE.msgsnd(st, id, buf, len, IPC_NOWAIT) == 0) {
                    return true;
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == EAGAIN) {
                    if (!checkedFit) { // a message larger than the whole queue would wait forever
                        checkedFit = true;
                        long qbytes = statLocked().maxBytes();
                        if (len > qbytes) {
                            throw new IpcLimitException("msgsnd", label, Errno.osError(err), "the message has " + len
                                    + " bytes but the queue holds at most " + qbytes + " (msg_qbytes); it could never be sent");
                        }
                    }
                    if (Deadline.expired(deadline)) {
                        return false;
                    }
                    backoff = pause(deadline, backoff, "msgsnd");
                } else if (err == EINVAL && len > msgmax()) {
                    // Checked only after the kernel refused, so a send reads no /proc file.
                    throw new IpcLimitException("msgsnd", label, Errno.osError(err), "the message has " + len
                            + " bytes but the kernel takes at most " + kernelLimit("msgmax"));
                } else if (err != EINTR) {
                    throw failure("msgsnd", err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    /** Sends a copy of {@code payload}; {@code false} on timeout. */
    public boolean send(long type, byte[] payload, Duration timeout) {
        return send(type, MemorySegment.ofArray(payload), timeout);
    }

    /**
     * Receives the first message {@code selector} picks into {@code buffer}, waiting at most
     * {@code timeout} ({@code null}: without limit, {@link Duration#ZERO}: {@code IPC_NOWAIT}).
     * Returns the bytes copied, or -1 on timeout. A message longer than the buffer is cut to fit
     * when {@code truncate} ({@code MSG_NOERROR}; the rest is lost), otherwise it stays in the queue
     * and an {@link IpcLimitException} (E2BIG) is thrown. {@code into} (may be null) gets type and size.
     */
    public long receive(MemorySegment buffer, Selector selector, boolean truncate, Received into, Duration timeout) {
        if (selector == null) {
            throw new IllegalArgumentException(label + ": a selector is required (Selector.any() takes any message)");
        }
        long cap = buffer.byteSize();
        long deadline = Deadline.nanosAfter(timeout);
        guard.enter();
        try {
            MemorySegment buf = msgbuf(cap);
            MemorySegment st = NativeBinder.callState();
            int flags = IPC_NOWAIT | (truncate ? MSG_NOERROR : 0);
            long backoff = PollBackoff.START;
            while (true) {
                long n = LibC.INSTANCE.msgrcv(st, id, buf, cap, selector.msgtyp(), flags);
                if (n >= 0) {
                    MemorySegment.copy(buf, 8, buffer, 0, n);
                    if (into != null) {
                        into.set(buf.get(ValueLayout.JAVA_LONG, 0), n);
                    }
                    return n;
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == ENOMSG) {
                    if (Deadline.expired(deadline)) {
                        if (into != null) {
                            into.set(0, -1);
                        }
                        return -1;
                    }
                    backoff = pause(deadline, backoff, "msgrcv");
                } else if (err == E2BIG) {
                    throw new IpcLimitException("msgrcv", label, Errno.osError(err), "the next matching message is longer"
                            + " than the buffer's " + cap + " bytes; it stays in the queue — pass a larger buffer or"
                            + " truncate (MSG_NOERROR)");
                } else if (err != EINTR) {
                    throw failure("msgrcv", err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    /** Receives into a new array of at most {@code maxSize} bytes; empty on timeout. */
    public Optional<Message> receive(Selector selector, int maxSize, boolean truncate, Duration timeout) {
        guard.checkOpen();
        byte[] data = new byte[maxSize];
        Received r = new Received();
        long n = receive(MemorySegment.ofArray(data), selector, truncate, r, timeout);
        return n < 0 ? Optional.empty() : Optional.of(new Message(r.type(), java.util.Arrays.copyOf(data, (int) n)));
    }

    /** One {@link PollBackoff} pause between two tries, with the interrupt and close checks around it. */
    private long pause(long deadline, long backoff, String op) {
        WaitSlices.checkInterrupt(op, label);
        guard.checkOpen();
        long next = PollBackoff.pause(backoff, deadline);
        WaitSlices.checkInterrupt(op, label);
        return next;
    }

    private IpcException failure(String op, int err) {
        return Errno.exception(op, label, err, err == EIDRM || err == EINVAL
                ? "the queue was removed (or its id is no longer valid)" : null);
    }

    /** IPC_STAT: counts, limits, pids, times, owner and mode. */
    public Stat stat() {
        guard.enter();
        try {
            return statLocked();
        } finally {
            guard.exit();
        }
    }

    private Stat statLocked() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ds = a.allocate(LibC.MSQID_DS.layout());
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.msgctl(st, id, LibC.IPC_STAT.intValue(), ds) < 0) {
                throw failure("msgctl(IPC_STAT)", LibC.INSTANCE.errno(st));
            }
            return new Stat(ds.get(ValueLayout.JAVA_INT, PERM), id, longAt(ds, "msg_qnum"), longAt(ds, "__msg_cbytes"),
                    longAt(ds, "msg_qbytes"), ds.get(ValueLayout.JAVA_INT, LibC.MSQID_DS.offset("msg_lspid")),
                    ds.get(ValueLayout.JAVA_INT, LibC.MSQID_DS.offset("msg_lrpid")),
                    Instant.ofEpochSecond(longAt(ds, "msg_stime")), Instant.ofEpochSecond(longAt(ds, "msg_rtime")),
                    Instant.ofEpochSecond(longAt(ds, "msg_ctime")), ds.get(ValueLayout.JAVA_INT, PERM + 4),
                    ds.get(ValueLayout.JAVA_INT, PERM + 8), ds.get(ValueLayout.JAVA_INT, PERM + 20) & 0777);
        }
    }

    private static long longAt(MemorySegment ds, String field) {
        return ds.get(ValueLayout.JAVA_LONG, LibC.MSQID_DS.offset(field));
    }

    /**
     * Sets the most bytes the queue holds ({@code IPC_SET} of msg_qbytes), at least
     * {@link #MIN_MAX_BYTES} (the kernel would take 0, and then no message fits). Raising it above
     * {@code /proc/sys/kernel/msgmnb} needs CAP_SYS_RESOURCE.
     */
    public void setMaxBytes(long maxBytes) {
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException(label + ": a queue of 0 bytes holds no message; the byte limit must be at"
                    + " least " + MIN_MAX_BYTES + ", got " + maxBytes);
        }
        guard.enter();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ds = a.allocate(LibC.MSQID_DS.layout());
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.msgctl(st, id, LibC.IPC_STAT.intValue(), ds) < 0) {
                throw failure("msgctl(IPC_STAT)", LibC.INSTANCE.errno(st));
            }
            ds.set(ValueLayout.JAVA_LONG, LibC.MSQID_DS.offset("msg_qbytes"), maxBytes);
            if (LibC.INSTANCE.msgctl(st, id, LibC.IPC_SET.intValue(), ds) < 0) {
                int err = LibC.INSTANCE.errno(st);
                throw Errno.exception("msgctl(IPC_SET)", label, err, err == EPERM
                        ? "raising msg_qbytes to " + maxBytes + " above " + kernelLimit("msgmnb")
                        + " needs CAP_SYS_RESOURCE (or you are not the owner)" : null);
            }
        } finally {
            guard.exit();
        }
    }

    /** Deletes the queue for every process (IPC_RMID); waiting processes fail with EIDRM. */
    public void remove() {
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.msgctl(st, id, LibC.IPC_RMID.intValue(), MemorySegment.NULL) < 0) {
                throw failure("msgctl(IPC_RMID)", LibC.INSTANCE.errno(st));
            }
        } finally {
            guard.exit();
        }
    }

    /** Deletes the queue for {@code key}, if there is one; false if there was none. */
    public static boolean remove(int key) {
        return SysVRemoval.byKey(key, label(key), "msgget", (st, k) -> LibC.INSTANCE.msgget(st, k, 0), "msgctl(IPC_RMID)",
                (st, id) -> LibC.INSTANCE.msgctl(st, id, LibC.IPC_RMID.intValue(), MemorySegment.NULL));
    }

    /** Ends this object's use of the queue; the queue itself stays until {@link #remove()}. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return "SysVMessageQueue[key 0x" + Integer.toHexString(key) + ", id " + id + "]";
    }
}
