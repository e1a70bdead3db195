package io.ffmipc.posix;

import io.ffmipc.SystemVKeys;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SystemV;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.OpenOrCreate;
import io.ffmipc.core.PollBackoff;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A System V message queue ({@code msgget}), found by a numeric key, on every OS with System V
 * queues (Linux, macOS): every message carries a positive <em>type</em>, and a receive can select
 * by it (see {@link Selector}): exactly one type, any type, or the lowest type up to a bound (a
 * priority queue where lower is more urgent). The queue is bounded by bytes ({@link Stat#maxBytes()},
 * changeable with {@link #setMaxBytes}), not by a message count.
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
final class SysVMessageQueue implements SystemV.MessageQueue {
    /** Per-thread native buffer for {@code struct msgbuf} (a long type, then the text); grown on demand. */
    private static final ThreadLocal<MemorySegment[]> MSGBUF = ThreadLocal.withInitial(() -> new MemorySegment[1]);

    private final SysVBinding b;
    private final int key;
    private final int id;
    private final boolean created;
    private final String label;
    private final CloseGuard guard;

    private SysVMessageQueue(SysVBinding b, int key, int id, boolean created) {
        this.b = b;
        this.key = key;
        this.id = id;
        this.created = created;
        this.label = label(key);
        this.guard = new CloseGuard("message queue", label);
    }

    static String label(int key) {
        return SystemVKeys.label("message queue", key);
    }

    /** Opens or creates the queue for {@code key}; {@code permissions} apply only on creation. */
    static SysVMessageQueue open(SysVBinding b, int key, OpenMode mode, Permissions permissions) {
        String label = label(key);
        if (mode == null || permissions == null) {
            throw new IllegalArgumentException(label + ": mode and permissions are required");
        }
        SystemVKeys.requireShareable(label, key);
        return switch (mode) {
            case CREATE -> create(b, key, label, permissions);
            case OPEN -> openExisting(b, key, label, permissions);
            case OPEN_OR_CREATE -> OpenOrCreate.run("msgget", label,
                    () -> create(b, key, label, permissions), () -> openExisting(b, key, label, permissions));
        };
    }

    private static SysVMessageQueue create(SysVBinding b, int key, String label, Permissions permissions) {
        return new SysVMessageQueue(b, key, get(b, key, label, b.ipcCreat | b.ipcExcl | permissions.mode()), true);
    }

    /** Opens the queue and refuses it if another user owns it, unless {@code permissions} accept that. */
    private static SysVMessageQueue openExisting(SysVBinding b, int key, String label, Permissions permissions) {
        SysVMessageQueue q = new SysVMessageQueue(b, key, get(b, key, label, 0), false);
        b.requireOwner(q.stat().ownerUid() & 0xFFFF_FFFFL, permissions, "open message queue",
                "System V message queue", label);
        return q;
    }

    private static int get(SysVBinding b, int key, String label, int flags) {
        MemorySegment st = NativeBinder.callState();
        int id = b.lib.msgget(st, key, flags);
        if (id < 0) {
            int err = b.lib.errno(st);
            throw b.error("msgget", label, err, err == b.eexist
                    ? "a queue with this key exists (OpenMode.CREATE is exclusive)"
                    : err == b.enoent ? "no queue with this key (OpenMode.OPEN does not create)"
                    : err == b.enospc ? "the system has reached " + b.limits.shown("msgmni") + " queues"
                    : null);
        }
        return id;
    }

    @Override
    public int key() {
        return key;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean created() {
        return created;
    }

    private static MemorySegment msgbuf(long textBytes) {
        MemorySegment[] holder = MSGBUF.get();
        MemorySegment buf = holder[0];
        if (buf == null || buf.byteSize() < 8 + textBytes) {
            buf = Arena.ofAuto().allocate(Math.max(8 + textBytes, 8 + 8192), 8);
            holder[0] = buf;
        }
        return buf;
    }

    @Override
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
                if (b.lib.msgsnd(st, id, buf, len, b.ipcNowait) == 0) {
                    return true;
                }
                int err = b.lib.errno(st);
                if (err == b.eagain) {
                    if (!checkedFit) { // a message larger than the whole queue would wait forever
                        checkedFit = true;
                        long qbytes = statLocked().maxBytes();
                        if (len > qbytes) {
                            throw new IpcLimitException("msgsnd", label, b.lib.osError(err), "the message has " + len
                                    + " bytes but the queue holds at most " + qbytes + " (msg_qbytes); it could never be sent");
                        }
                    }
                    if (Deadline.expired(deadline)) {
                        return false;
                    }
                    backoff = pause(deadline, backoff, "msgsnd");
                } else if (err == b.einval && len > b.limits.maxMessageSize()) {
                    // Checked only after the kernel refused, so a send reads no limit.
                    throw new IpcLimitException("msgsnd", label, b.lib.osError(err), "the message has " + len
                            + " bytes but the kernel takes at most " + b.limits.shown("msgmax"));
                } else if (err != b.eintr) {
                    throw failure("msgsnd", err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
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
            int flags = b.ipcNowait | (truncate ? b.msgNoerror : 0);
            long backoff = PollBackoff.START;
            while (true) {
                long n = b.lib.msgrcv(st, id, buf, cap, selector.msgtyp(), flags);
                if (n >= 0) {
                    MemorySegment.copy(buf, 8, buffer, 0, n);
                    if (into != null) {
                        into.set(buf.get(ValueLayout.JAVA_LONG, 0), n);
                    }
                    return n;
                }
                int err = b.lib.errno(st);
                if (err == b.enomsg) {
                    if (Deadline.expired(deadline)) {
                        if (into != null) {
                            into.set(0, -1);
                        }
                        return -1;
                    }
                    backoff = pause(deadline, backoff, "msgrcv");
                } else if (err == b.e2big) {
                    throw new IpcLimitException("msgrcv", label, b.lib.osError(err), "the next matching message is longer"
                            + " than the buffer's " + cap + " bytes; it stays in the queue — pass a larger buffer or"
                            + " truncate (MSG_NOERROR)");
                } else if (err != b.eintr) {
                    throw failure("msgrcv", err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
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
        return b.error(op, label, err, err == b.eidrm || err == b.einval
                ? "the queue was removed (or its id is no longer valid)" : null);
    }

    @Override
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
            MemorySegment ds = a.allocate(b.msqidDs.layout());
            MemorySegment st = NativeBinder.callState();
            if (b.lib.msgctl(st, id, b.ipcStat, ds) < 0) {
                throw failure("msgctl(IPC_STAT)", b.lib.errno(st));
            }
            return new Stat(key, id, field(ds, "msg_qnum"), field(ds, b.msgCbytes), field(ds, "msg_qbytes"),
                    (int) field(ds, "msg_lspid"), (int) field(ds, "msg_lrpid"),
                    Instant.ofEpochSecond(field(ds, "msg_stime")), Instant.ofEpochSecond(field(ds, "msg_rtime")),
                    Instant.ofEpochSecond(field(ds, "msg_ctime")), (int) field(ds, "msg_perm.uid"),
                    (int) field(ds, "msg_perm.gid"), (int) field(ds, "msg_perm.mode") & 0777);
        }
    }

    private long field(MemorySegment ds, String name) {
        return SysVBinding.field(ds, b.msqidDs, name);
    }

    @Override
    public void setMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException(label + ": a byte limit must not be negative, got " + maxBytes);
        }
        guard.enter();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ds = a.allocate(b.msqidDs.layout());
            MemorySegment st = NativeBinder.callState();
            if (b.lib.msgctl(st, id, b.ipcStat, ds) < 0) {
                throw failure("msgctl(IPC_STAT)", b.lib.errno(st));
            }
            PosixStructs.set(ds, b.msqidDs, "msg_qbytes", maxBytes);
            if (b.lib.msgctl(st, id, b.ipcSet, ds) < 0) {
                int err = b.lib.errno(st);
                throw b.error("msgctl(IPC_SET)", label, err, err == b.eperm
                        ? "raising msg_qbytes to " + maxBytes + " above " + b.limits.shown("msgmnb")
                        + " needs CAP_SYS_RESOURCE (or you are not the owner)" : null);
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public void remove() {
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            if (b.lib.msgctl(st, id, b.ipcRmid, MemorySegment.NULL) < 0) {
                throw failure("msgctl(IPC_RMID)", b.lib.errno(st));
            }
        } finally {
            guard.exit();
        }
    }

    /** Deletes the queue for {@code key}, if there is one; false if there was none. */
    static boolean remove(SysVBinding b, int key) {
        return SysVRemoval.byKey(b, key, label(key), "msgget", (st, k) -> b.lib.msgget(st, k, 0), "msgctl(IPC_RMID)",
                (st, id) -> b.lib.msgctl(st, id, b.ipcRmid, MemorySegment.NULL));
    }

    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return "SysVMessageQueue[key 0x" + Integer.toHexString(key) + ", id " + id + "]";
    }
}
