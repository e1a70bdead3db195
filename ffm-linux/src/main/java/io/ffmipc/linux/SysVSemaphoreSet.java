package io.ffmipc.linux;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.OpenOrCreate;
import io.ffmipc.SystemVKeys;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * A System V semaphore set ({@code semget}), found by a numeric key: a Linux-specific extension
 * beside the portable {@link io.ffmipc.Semaphore}, for what only System V offers — several
 * semaphores changed atomically, {@code SEM_UNDO} (the kernel reverses a process's operations when
 * it dies, so a crashed holder cannot keep a lock), and the creator's pid and times.
 *
 * <h2>Race-free initialisation</h2>
 * {@code semget} creates a set with undefined values, and another process may open it at once. So
 * the creator creates with {@code IPC_CREAT|IPC_EXCL}, sets the values, and finishes with a
 * {@code semop} — the first one, which sets {@code sem_otime}. Openers wait (bounded by the init
 * timeout) until {@code IPC_STAT} shows {@code sem_otime != 0}. This is the classic Stevens
 * protocol; it holds as long as every user of the key follows it (this class does).
 *
 * <p>System V sets have no handle: {@link #close()} only ends this object's use of the set;
 * {@link #remove()} deletes the set for everyone. Values are 0 to {@value LibC#SEMVMX} (SEMVMX).
 */
public final class SysVSemaphoreSet implements AutoCloseable {
    /** How long an opener waits by default for the creator to finish initialising. */
    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);
    private static final int EEXIST = Errno.EEXIST.intValue();
    private static final int ENOENT = Errno.ENOENT.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int ERANGE = Errno.ERANGE.intValue();
    private static final int SEM_UNDO = LibC.SEM_UNDO.intValue();
    private static final int IPC_NOWAIT = LibC.IPC_NOWAIT.intValue();

    private final int key;
    private final int id;
    private final int nsems;
    private final boolean created;
    private final String label;
    private final CloseGuard guard;

    private SysVSemaphoreSet(int key, int id, int nsems, boolean created) {
        this.key = key;
        this.id = id;
        this.nsems = nsems;
        this.created = created;
        this.label = label(key);
        this.guard = new CloseGuard("semaphore set", label);
    }

    private static String label(int key) {
        return SystemVKeys.label("semaphore set", key);
    }

    /**
     * What {@code IPC_STAT} reports.
     *
     * @param lastOperation time of the last semop ({@link Instant#EPOCH} if none yet)
     * @param lastChange    time of the last change by semctl or creation
     * @param mode          permission bits (0777 part of ipc_perm.mode)
     */
    public record Stat(int key, int id, int nsems, Instant lastOperation, Instant lastChange,
                       int ownerUid, int ownerGid, int creatorUid, int creatorGid, int mode) {
    }

    /** Opens or creates with owner-only permissions and the default init timeout. */
    public static SysVSemaphoreSet open(int key, OpenMode mode, int nsems, int... initialValues) {
        return open(key, mode, nsems, Permissions.OWNER_ONLY, DEFAULT_INIT_TIMEOUT, initialValues);
    }

    /**
     * Opens or creates the set for {@code key}.
     *
     * @param nsems         semaphores in the set (1 or more; when only opening, 0 accepts any size)
     * @param initTimeout   how long an opener waits for the creator to finish initialising
     * @param initialValues applied only when this call creates the set: none (all 0), one (for every
     *                      semaphore) or one per semaphore; each 0 to SEMVMX (32767)
     */
    public static SysVSemaphoreSet open(int key, OpenMode mode, int nsems, Permissions permissions,
                                        Duration initTimeout, int... initialValues) {
        String label = label(key);
        if (mode == null || permissions == null || initTimeout == null) {
            throw new IllegalArgumentException(label + ": mode, permissions and init timeout are required");
        }
        SystemVKeys.requireShareable(label, key);
        if (nsems < 0 || (nsems == 0 && mode != OpenMode.OPEN)) {
            throw new IllegalArgumentException(label + ": a set needs at least 1 semaphore, got " + nsems);
        }
        int[] values = expandValues(label, nsems, initialValues);
        return switch (mode) {
            case CREATE -> createExclusive(key, label, nsems, permissions, values);
            case OPEN -> openExisting(key, label, nsems, initTimeout);
            case OPEN_OR_CREATE -> OpenOrCreate.run("semget", label,
                    () -> createExclusive(key, label, nsems, permissions, values),
                    () -> openExisting(key, label, nsems, initTimeout));
        };
    }

    /** IPC_CREAT|IPC_EXCL, then initialise; EEXIST → IpcObjectExistsException. */
    private static SysVSemaphoreSet createExclusive(int key, String label, int nsems, Permissions permissions, int[] values) {
        MemorySegment st = NativeBinder.callState();
        int id = LibC.INSTANCE.semget(st, key, nsems, LibC.IPC_CREAT.intValue() | LibC.IPC_EXCL.intValue() | permissions.mode());
        if (id < 0) {
            int err = LibC.INSTANCE.errno(st);
            throw Errno.exception("semget", label, err, err == EEXIST
                    ? "a set with this key exists (OpenMode.CREATE is exclusive)"
                    : err == Errno.EINVAL.intValue() ? "nsems " + nsems + " is above the system's SEMMSL" : null);
        }
        SysVSemaphoreSet set = new SysVSemaphoreSet(key, id, nsems, true);
        set.initialise(values);
        return set;
    }

    /** Opens an existing set and waits until its creator has initialised it; ENOENT → NoSuchIpcObjectException. */
    private static SysVSemaphoreSet openExisting(int key, String label, int nsems, Duration initTimeout) {
        MemorySegment st = NativeBinder.callState();
        int id = LibC.INSTANCE.semget(st, key, nsems, 0);
        if (id < 0) {
            int err = LibC.INSTANCE.errno(st);
            throw Errno.exception("semget", label, err,
                    err == ENOENT ? "no set with this key (OpenMode.OPEN does not create)"
                            : err == Errno.EINVAL.intValue() ? "the existing set has fewer than " + nsems + " semaphores" : null);
        }
        int actual = new SysVSemaphoreSet(key, id, 0, false).awaitInitialised(Deadline.after(initTimeout));
        return new SysVSemaphoreSet(key, id, actual, false);
    }

    private static int[] expandValues(String label, int nsems, int[] initialValues) {
        int[] values = new int[nsems];
        if (initialValues != null && initialValues.length == 1) {
            java.util.Arrays.fill(values, initialValues[0]);
        } else if (initialValues != null && initialValues.length > 0) {
            if (initialValues.length != nsems) {
                throw new IllegalArgumentException(label + ": give no initial value, one for all, or one per semaphore ("
                        + nsems + "), not " + initialValues.length);
            }
            System.arraycopy(initialValues, 0, values, 0, nsems);
        }
        for (int v : values) {
            if (v < 0) {
                throw new IllegalArgumentException(label + ": initial values must not be negative, got " + v);
            }
            if (v > LibC.SEMVMX) {
                throw new IpcLimitException("semget", label, null,
                        "initial value " + v + " exceeds SEMVMX (" + LibC.SEMVMX + ")");
            }
        }
        return values;
    }

    /** SETALL with semaphore 0 at 0, then one semop that brings it to its value and sets sem_otime. */
    private void initialise(int[] values) {
        MemorySegment st = NativeBinder.callState();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment all = a.allocate(ValueLayout.JAVA_SHORT, nsems);
            for (int i = 1; i < nsems; i++) {
                all.setAtIndex(ValueLayout.JAVA_SHORT, i, (short) values[i]);
            }
            if (LibC.INSTANCE.semctl(st, id, 0, LibC.SETALL.intValue(), all) < 0) {
                int err = LibC.INSTANCE.errno(st);
                LibC.INSTANCE.semctl(st, id, 0, LibC.IPC_RMID.intValue(), 0);
                throw Errno.exception("semctl(SETALL)", label, err);
            }
            // sem_op 0 on a zero semaphore succeeds at once, so this semop never blocks.
            MemorySegment op = a.allocate(LibC.SEMBUF.layout());
            op.set(ValueLayout.JAVA_SHORT, 0, (short) 0);
            op.set(ValueLayout.JAVA_SHORT, 2, (short) values[0]);
            op.set(ValueLayout.JAVA_SHORT, 4, (short) IPC_NOWAIT);
            if (LibC.INSTANCE.semop(st, id, op, 1) < 0) {
                int err = LibC.INSTANCE.errno(st);
                LibC.INSTANCE.semctl(st, id, 0, LibC.IPC_RMID.intValue(), 0);
                throw Errno.exception("semop(initialise)", label, err);
            }
        }
    }

    /** Waits until the creator's first semop (sem_otime != 0); returns the set's size. */
    private int awaitInitialised(Deadline deadline) {
        long sleep = 100_000L;
        while (true) {
            Stat s = stat();
            if (s.lastOperation().getEpochSecond() != 0) {
                return s.nsems();
            }
            if (deadline.expired()) {
                throw new IpcException("open", label, "the set exists but its creator has not initialised it (sem_otime "
                        + "is still 0) after the init timeout; the creator may have died while initialising");
            }
            WaitSlices.checkInterrupt("open", label);
            LockSupport.parkNanos(Math.min(sleep, deadline.remainingNanos()));
            sleep = Math.min(sleep * 2, 10_000_000L);
        }
    }

    public int key() {
        return key;
    }

    /** The kernel's identifier of the set (as {@code ipcs -s} shows it). */
    public int id() {
        return id;
    }

    public int size() {
        return nsems;
    }

    /** Whether this call created the set (and so initialised it). */
    public boolean created() {
        return created;
    }

    /** Takes one unit of semaphore {@code sem}, waiting without limit. */
    public void acquire(int sem, boolean undo) {
        operate(sem, -1, undo, null);
    }

    /** Takes one unit of semaphore {@code sem}, waiting at most {@code timeout}; false on timeout. */
    public boolean tryAcquire(int sem, boolean undo, Duration timeout) {
        if (timeout == null) {
            throw new IllegalArgumentException(label + ": timeout is required (use acquire to wait without limit)");
        }
        return operate(sem, -1, undo, timeout);
    }

    /** Returns one unit to semaphore {@code sem}. */
    public void release(int sem, boolean undo) {
        operate(sem, 1, undo, Duration.ZERO);
    }

    /**
     * One {@code semop} on semaphore {@code sem}: {@code delta} > 0 adds, < 0 takes (waiting while
     * the value is too small), 0 waits until the value is 0. With {@code undo} the kernel reverses
     * the change when this process exits. {@code timeout} null waits without limit, zero does not
     * wait ({@code IPC_NOWAIT}). Returns false on timeout.
     */
    public boolean operate(int sem, int delta, boolean undo, Duration timeout) {
        checkIndex(sem);
        if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
            throw new IllegalArgumentException(label + ": sem_op must fit a short (" + Short.MIN_VALUE + " to "
                    + Short.MAX_VALUE + "), got " + delta);
        }
        long deadline = Deadline.nanosAfter(timeout); // null → forever; primitive, so the hot path allocates nothing
        boolean noWait = timeout != null && timeout.isZero();
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            NativeScratch scratch = NativeScratch.get();
            MemorySegment op = scratch.small;
            MemorySegment ts = scratch.timespec;
            while (true) {
                if (!noWait) {
                    WaitSlices.checkInterrupt("semtimedop", label);
                    guard.checkOpen();
                }
                op.set(ValueLayout.JAVA_SHORT, 0, (short) sem);
                op.set(ValueLayout.JAVA_SHORT, 2, (short) delta);
                op.set(ValueLayout.JAVA_SHORT, 4, (short) ((undo ? SEM_UNDO : 0) | (noWait ? IPC_NOWAIT : 0)));
                long slice = WaitSlices.next(deadline);
                ts.set(ValueLayout.JAVA_LONG, 0, slice / 1_000_000_000L);
                ts.set(ValueLayout.JAVA_LONG, 8, slice % 1_000_000_000L);
                if (LibC.INSTANCE.semtimedop(st, id, op, 1, noWait ? MemorySegment.NULL : ts) == 0) {
                    return true;
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == EAGAIN) {
                    if (noWait || Deadline.expired(deadline)) {
                        return false;
                    }
                } else if (err == ERANGE) {
                    throw Errno.exception("semop", label, err, "the value of semaphore " + sem
                            + " would exceed SEMVMX (" + LibC.SEMVMX + ")");
                } else if (err != EINTR) {
                    throw Errno.exception("semtimedop", label, err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    /** The value of semaphore {@code sem} (GETVAL). */
    public int value(int sem) {
        return control(sem, LibC.GETVAL.intValue(), 0, "GETVAL");
    }

    /** Sets semaphore {@code sem} (SETVAL); also clears every process's undo entry for it. */
    public void setValue(int sem, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(label + ": a value must not be negative, got " + value);
        }
        if (value > LibC.SEMVMX) {
            throw new IpcLimitException("semctl(SETVAL)", label, Errno.osError(ERANGE),
                    "value " + value + " exceeds SEMVMX (" + LibC.SEMVMX + ")");
        }
        control(sem, LibC.SETVAL.intValue(), value, "SETVAL");
    }

    /** The pid of the last process that operated on semaphore {@code sem} (GETPID). */
    public int lastPid(int sem) {
        return control(sem, LibC.GETPID.intValue(), 0, "GETPID");
    }

    /** How many processes wait for semaphore {@code sem} to grow (GETNCNT). */
    public int waitingCount(int sem) {
        return control(sem, LibC.GETNCNT.intValue(), 0, "GETNCNT");
    }

    private int control(int sem, int cmd, int arg, String cmdName) {
        checkIndex(sem);
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            int r = LibC.INSTANCE.semctl(st, id, sem, cmd, arg);
            if (r < 0) {
                throw Errno.exception("semctl(" + cmdName + ")", label, LibC.INSTANCE.errno(st));
            }
            return r;
        } finally {
            guard.exit();
        }
    }

    private void checkIndex(int sem) {
        if (sem < 0 || (nsems > 0 && sem >= nsems)) {
            throw new IndexOutOfBoundsException(label + ": semaphore " + sem + " is not in 0.." + (nsems - 1));
        }
    }

    /** IPC_STAT: times, size, owner and mode. */
    public Stat stat() {
        guard.enter();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ds = a.allocate(LibC.SEMID_DS.layout());
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.semctl(st, id, 0, LibC.IPC_STAT.intValue(), ds) < 0) {
                throw Errno.exception("semctl(IPC_STAT)", label, LibC.INSTANCE.errno(st));
            }
            long perm = LibC.SEMID_DS.offset("sem_perm");
            return new Stat(ds.get(ValueLayout.JAVA_INT, perm), id,
                    (int) ds.get(ValueLayout.JAVA_LONG, LibC.SEMID_DS.offset("sem_nsems")),
                    Instant.ofEpochSecond(ds.get(ValueLayout.JAVA_LONG, LibC.SEMID_DS.offset("sem_otime"))),
                    Instant.ofEpochSecond(ds.get(ValueLayout.JAVA_LONG, LibC.SEMID_DS.offset("sem_ctime"))),
                    ds.get(ValueLayout.JAVA_INT, perm + 4), ds.get(ValueLayout.JAVA_INT, perm + 8),
                    ds.get(ValueLayout.JAVA_INT, perm + 12), ds.get(ValueLayout.JAVA_INT, perm + 16),
                    ds.get(ValueLayout.JAVA_INT, perm + 20) & 0777);
        } finally {
            guard.exit();
        }
    }

    /** Deletes the set for every process (IPC_RMID); waiters elsewhere fail with EIDRM. */
    public void remove() {
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.semctl(st, id, 0, LibC.IPC_RMID.intValue(), 0) < 0) {
                throw Errno.exception("semctl(IPC_RMID)", label, LibC.INSTANCE.errno(st));
            }
        } finally {
            guard.exit();
        }
    }

    /** Deletes the set for {@code key}, if there is one; false if there was none. */
    public static boolean remove(int key) {
        return SysVRemoval.byKey(key, label(key), "semget", (st, k) -> LibC.INSTANCE.semget(st, k, 0, 0), "semctl(IPC_RMID)",
                (st, id) -> LibC.INSTANCE.semctl(st, id, 0, LibC.IPC_RMID.intValue(), 0));
    }

    /** Ends this object's use of the set; the set itself stays until {@link #remove()}. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return "SysVSemaphoreSet[key 0x" + Integer.toHexString(key) + ", id " + id + ", " + nsems + " semaphores]";
    }
}
