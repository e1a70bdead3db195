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
import java.util.concurrent.locks.LockSupport;

/**
 * A System V semaphore set ({@code semget}), found by a numeric key, on every OS with System V
 * semaphores (Linux, macOS): several semaphores changed atomically, {@code SEM_UNDO} (the kernel
 * reverses a process's operations when it dies, so a crashed holder cannot keep a lock), and the
 * creator's pid and times.
 *
 * <h2>Race-free initialisation</h2>
 * {@code semget} creates a set with undefined values, and another process may open it at once. So
 * the creator creates with {@code IPC_CREAT|IPC_EXCL}, sets the values, and finishes with a
 * {@code semop} — the first one, which sets {@code sem_otime}. Openers wait (bounded by the init
 * timeout) until {@code IPC_STAT} shows {@code sem_otime != 0}. This is the classic Stevens
 * protocol; it holds as long as every user of the key follows it (this class does).
 *
 * <h2>Timed waits</h2>
 * With {@code semtimedop} (Linux) a wait sleeps in the kernel for slices of at most
 * {@link WaitSlices#MAX_SLICE_NANOS}, checking the interrupt flag and {@link #close()} between
 * them. Where the OS has none (macOS) a wait polls {@code semop} with {@code IPC_NOWAIT}, pausing by
 * {@link PollBackoff} between tries (at most 2 ms late), with the same checks; such a waiter is not
 * queued in the kernel, so {@link #waitingCount} does not count it.
 *
 * <p>System V sets have no handle: {@link #close()} only ends this object's use of the set;
 * {@link #remove()} deletes the set for everyone. Values are 0 to {@value SysVBinding#SEMVMX} (SEMVMX).
 */
final class SysVSemaphoreSet implements SystemV.SemaphoreSet {
    private final SysVBinding b;
    private final int key;
    private final int id;
    private final int nsems;
    private final boolean created;
    private final String label;
    private final CloseGuard guard;

    private SysVSemaphoreSet(SysVBinding b, int key, int id, int nsems, boolean created) {
        this.b = b;
        this.key = key;
        this.id = id;
        this.nsems = nsems;
        this.created = created;
        this.label = label(key);
        this.guard = new CloseGuard("semaphore set", label);
    }

    static String label(int key) {
        return SystemVKeys.label("semaphore set", key);
    }

    /**
     * Opens or creates the set for {@code key}; see {@link SystemV#semaphoreSet}.
     */
    static SysVSemaphoreSet open(SysVBinding b, int key, OpenMode mode, int nsems, Permissions permissions,
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
            case CREATE -> createExclusive(b, key, label, nsems, permissions, values);
            case OPEN -> openExisting(b, key, label, nsems, permissions, initTimeout);
            case OPEN_OR_CREATE -> OpenOrCreate.run("semget", label,
                    () -> createExclusive(b, key, label, nsems, permissions, values),
                    () -> openExisting(b, key, label, nsems, permissions, initTimeout));
        };
    }

    /** IPC_CREAT|IPC_EXCL, then initialise; EEXIST → IpcObjectExistsException. */
    private static SysVSemaphoreSet createExclusive(SysVBinding b, int key, String label, int nsems,
                                                    Permissions permissions, int[] values) {
        MemorySegment st = NativeBinder.callState();
        int id = b.lib.semget(st, key, nsems, b.ipcCreat | b.ipcExcl | permissions.mode());
        if (id < 0) {
            int err = b.lib.errno(st);
            throw b.error("semget", label, err, err == b.eexist
                    ? "a set with this key exists (OpenMode.CREATE is exclusive)"
                    : err == b.einval ? "nsems " + nsems + " is above the system's SEMMSL" : null);
        }
        SysVSemaphoreSet set = new SysVSemaphoreSet(b, key, id, nsems, true);
        set.initialise(values);
        return set;
    }

    /**
     * Opens an existing set, refuses it if another user owns it (unless {@code permissions} accept
     * that), and waits until its creator has initialised it; ENOENT → NoSuchIpcObjectException.
     */
    private static SysVSemaphoreSet openExisting(SysVBinding b, int key, String label, int nsems,
                                                 Permissions permissions, Duration initTimeout) {
        MemorySegment st = NativeBinder.callState();
        int id = b.lib.semget(st, key, nsems, 0);
        if (id < 0) {
            int err = b.lib.errno(st);
            throw b.error("semget", label, err,
                    err == b.enoent ? "no set with this key (OpenMode.OPEN does not create)"
                            : err == b.einval ? "the existing set has fewer than " + nsems + " semaphores" : null);
        }
        SysVSemaphoreSet unsized = new SysVSemaphoreSet(b, key, id, 0, false);
        b.requireOwner(unsized.stat().ownerUid() & 0xFFFF_FFFFL, permissions, "open semaphore set",
                "System V semaphore set", label);
        int actual = unsized.awaitInitialised(Deadline.after(initTimeout));
        return new SysVSemaphoreSet(b, key, id, actual, false);
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
            if (v > SysVBinding.SEMVMX) {
                throw new IpcLimitException("semget", label, null,
                        "initial value " + v + " exceeds SEMVMX (" + SysVBinding.SEMVMX + ")");
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
            if (b.lib.semctl(st, id, 0, b.setall, all) < 0) {
                int err = b.lib.errno(st);
                b.lib.semctl(st, id, 0, b.ipcRmid, 0);
                throw b.error("semctl(SETALL)", label, err);
            }
            // sem_op 0 on a zero semaphore succeeds at once, so this semop never blocks.
            MemorySegment op = a.allocate(b.sembufSize, 8);
            b.setOp(op, 0, 0, values[0], b.ipcNowait);
            if (b.lib.semop(st, id, op, 1) < 0) {
                int err = b.lib.errno(st);
                b.lib.semctl(st, id, 0, b.ipcRmid, 0);
                throw b.error("semop(initialise)", label, err);
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

    @Override
    public int key() {
        return key;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int size() {
        return nsems;
    }

    @Override
    public boolean created() {
        return created;
    }

    @Override
    public void acquire(int sem, boolean undo) {
        operate(sem, -1, undo, null);
    }

    @Override
    public boolean tryAcquire(int sem, boolean undo, Duration timeout) {
        if (timeout == null) {
            throw new IllegalArgumentException(label + ": timeout is required (use acquire to wait without limit)");
        }
        return operate(sem, -1, undo, timeout);
    }

    @Override
    public void release(int sem, boolean undo) {
        operate(sem, 1, undo, Duration.ZERO);
    }

    @Override
    public boolean operate(int sem, int delta, boolean undo, Duration timeout) {
        checkIndex(sem);
        if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
            throw new IllegalArgumentException(label + ": sem_op must fit a short (" + Short.MIN_VALUE + " to "
                    + Short.MAX_VALUE + "), got " + delta);
        }
        long deadline = Deadline.nanosAfter(timeout); // null → forever; primitive, so the hot path allocates nothing
        boolean noWait = timeout != null && timeout.isZero();
        // Without semtimedop every try is IPC_NOWAIT and the wait happens here, between tries.
        boolean polled = !noWait && !b.timedSemop;
        int flags = (undo ? b.semUndo : 0) | (noWait || polled ? b.ipcNowait : 0);
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            SysVBinding.Scratch scratch = SysVBinding.Scratch.get();
            MemorySegment op = scratch.ops;
            MemorySegment ts = scratch.timespec;
            long backoff = PollBackoff.START;
            while (true) {
                if (!noWait) {
                    WaitSlices.checkInterrupt("semtimedop", label);
                    guard.checkOpen();
                }
                b.setOp(op, 0, sem, delta, flags);
                int r;
                if (noWait || polled) {
                    r = b.lib.semop(st, id, op, 1);
                } else {
                    b.setTimespec(ts, WaitSlices.next(deadline));
                    r = b.lib.semtimedop(st, id, op, 1, ts);
                }
                if (r == 0) {
                    return true;
                }
                int err = b.lib.errno(st);
                if (err == b.eagain) {
                    if (noWait || Deadline.expired(deadline)) {
                        return false;
                    }
                    if (polled) {
                        backoff = PollBackoff.pause(backoff, deadline);
                    }
                } else if (err == b.erange) {
                    throw b.error("semop", label, err, "the value of semaphore " + sem
                            + " would exceed SEMVMX (" + SysVBinding.SEMVMX + ")");
                } else if (err != b.eintr) {
                    throw b.error(polled || noWait ? "semop" : "semtimedop", label, err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public int value(int sem) {
        return control(sem, b.getval, 0, "GETVAL");
    }

    @Override
    public void setValue(int sem, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(label + ": a value must not be negative, got " + value);
        }
        if (value > SysVBinding.SEMVMX) {
            throw new IpcLimitException("semctl(SETVAL)", label, b.lib.osError(b.erange),
                    "value " + value + " exceeds SEMVMX (" + SysVBinding.SEMVMX + ")");
        }
        control(sem, b.setval, value, "SETVAL");
    }

    @Override
    public int lastPid(int sem) {
        return control(sem, b.getpid, 0, "GETPID");
    }

    @Override
    public int waitingCount(int sem) {
        return control(sem, b.getncnt, 0, "GETNCNT");
    }

    private int control(int sem, int cmd, int arg, String cmdName) {
        checkIndex(sem);
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            int r = b.lib.semctl(st, id, sem, cmd, arg);
            if (r < 0) {
                throw b.error("semctl(" + cmdName + ")", label, b.lib.errno(st));
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

    @Override
    public Stat stat() {
        guard.enter();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ds = a.allocate(b.semidDs.layout());
            MemorySegment st = NativeBinder.callState();
            if (b.lib.semctl(st, id, 0, b.ipcStat, ds) < 0) {
                throw b.error("semctl(IPC_STAT)", label, b.lib.errno(st));
            }
            return new Stat(key, id, (int) SysVBinding.field(ds, b.semidDs, "sem_nsems"),
                    Instant.ofEpochSecond(SysVBinding.field(ds, b.semidDs, "sem_otime")),
                    Instant.ofEpochSecond(SysVBinding.field(ds, b.semidDs, "sem_ctime")),
                    (int) SysVBinding.field(ds, b.semidDs, "sem_perm.uid"),
                    (int) SysVBinding.field(ds, b.semidDs, "sem_perm.gid"),
                    (int) SysVBinding.field(ds, b.semidDs, "sem_perm.cuid"),
                    (int) SysVBinding.field(ds, b.semidDs, "sem_perm.cgid"),
                    (int) SysVBinding.field(ds, b.semidDs, "sem_perm.mode") & 0777);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void remove() {
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            if (b.lib.semctl(st, id, 0, b.ipcRmid, 0) < 0) {
                throw b.error("semctl(IPC_RMID)", label, b.lib.errno(st));
            }
        } finally {
            guard.exit();
        }
    }

    /** Deletes the set for {@code key}, if there is one; false if there was none. */
    static boolean remove(SysVBinding b, int key) {
        return SysVRemoval.byKey(b, key, label(key), "semget", (st, k) -> b.lib.semget(st, k, 0, 0), "semctl(IPC_RMID)",
                (st, id) -> b.lib.semctl(st, id, 0, b.ipcRmid, 0));
    }

    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        return "SysVSemaphoreSet[key 0x" + Integer.toHexString(key) + ", id " + id + ", " + nsems + " semaphores]";
    }
}
