package io.ffmipc.posix;

import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SystemV;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.PollBackoff;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The System V calls behind {@link UndoSemaphoreMutex}: one {@code semtimedop} (or, where the OS
 * has none, {@code semop} polled until the attempt's time is up) or {@code semctl} per method, and
 * the creation, probing and removal of the sets for {@link KeyAnchor}.
 */
final class SysVUndoSemaphoreSet implements UndoSemaphoreSet {
    private final SysVBinding b;
    private final String name;
    private final int id;
    /** Up to three sembufs for the owner operations; only the lock's holder uses them, one at a time. */
    private final MemorySegment ownerOps;

    private SysVUndoSemaphoreSet(SysVBinding b, String name, int id) {
        this.b = b;
        this.name = name;
        this.id = id;
        this.ownerOps = Arena.ofAuto().allocate(b.sembufSize * UndoSemaphoreMutex.SEMAPHORES, 8);
    }

    /** The set with {@code key}, which {@link KeyAnchor} has just confirmed exists. */
    static SysVUndoSemaphoreSet open(SysVBinding b, String name, int key) {
        MemorySegment st = NativeBinder.callState();
        int id = b.lib.semget(st, key, UndoSemaphoreMutex.SEMAPHORES, 0);
        if (id < 0) {
            throw b.error("semget", name, b.lib.errno(st), "the mutex's System V set (key 0x"
                    + Integer.toHexString(key) + ") could not be opened");
        }
        return new SysVUndoSemaphoreSet(b, name, id);
    }

    /** Creation, probing and removal of mutex sets by key, for the anchor. */
    static KeyAnchor.KeyedObjects objects(SysVBinding b, String name) {
        return new KeyAnchor.KeyedObjects() {
            @Override
            public boolean create(int key, Permissions permissions) {
                try {
                    // Initialised by SysVSemaphoreSet's protocol: the first semop (lock 0 → 1) sets sem_otime.
                    SysVSemaphoreSet.open(b, key, OpenMode.CREATE, UndoSemaphoreMutex.SEMAPHORES, permissions,
                            SystemV.DEFAULT_INIT_TIMEOUT, UndoSemaphoreMutex.initialValues()).close();
                    return true;
                } catch (IpcObjectExistsException taken) {
                    return false;
                }
            }

            @Override
            public KeyAnchor.Probe probe(int key, long anchorOwner) {
                return SysVUndoSemaphoreSet.probe(b, name, key, anchorOwner);
            }

            @Override
            public boolean remove(int key) {
                return SysVSemaphoreSet.remove(b, key);
            }
        };
    }

    private static KeyAnchor.Probe probe(SysVBinding b, String name, int key, long anchorOwner) {
        MemorySegment st = NativeBinder.callState();
        int id = b.lib.semget(st, key, 0, 0);
        if (id < 0) {
            int err = b.lib.errno(st);
            if (err == b.enoent) {
                return KeyAnchor.Probe.MISSING;
            }
            throw b.error("semget", name, err);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ds = a.allocate(b.semidDs.layout());
            if (b.lib.semctl(st, id, 0, b.ipcStat, ds) < 0) {
                int err = b.lib.errno(st);
                if (err == b.einval || err == b.eidrm) {
                    return KeyAnchor.Probe.MISSING; // removed between the two calls
                }
                throw b.error("semctl(IPC_STAT)", name, err);
            }
            if (SysVBinding.field(ds, b.semidDs, "sem_nsems") != UndoSemaphoreMutex.SEMAPHORES) {
                return KeyAnchor.Probe.FOREIGN;
            }
            // The anchor and its set are made by one process, so they have one owner; a set of another
            // owner under the anchor's key is not the anchor's (someone took the key after an ipcrm).
            if (SysVBinding.field(ds, b.semidDs, "sem_perm.uid") != anchorOwner) {
                return KeyAnchor.Probe.OTHER_OWNER;
            }
            return SysVBinding.field(ds, b.semidDs, "sem_otime") == 0
                    ? KeyAnchor.Probe.UNINITIALISED : KeyAnchor.Probe.READY;
        }
    }

    @Override
    public String identity() {
        return "sysv-sem " + id;
    }

    @Override
    public boolean takeLock(long timeoutNanos) {
        MemorySegment st = NativeBinder.callState();
        SysVBinding.Scratch scratch = SysVBinding.Scratch.get();
        MemorySegment op = scratch.ops;
        if (!b.timedSemop && timeoutNanos > 0) {
            return pollLock(st, op, timeoutNanos);
        }
        b.setOp(op, 0, UndoSemaphoreMutex.LOCK, -1, b.semUndo | (timeoutNanos == 0 ? b.ipcNowait : 0));
        MemorySegment ts = MemorySegment.NULL;
        if (timeoutNanos > 0) {
            ts = scratch.timespec;
            b.setTimespec(ts, timeoutNanos);
        }
        int r = timeoutNanos == 0 ? b.lib.semop(st, id, op, 1) : b.lib.semtimedop(st, id, op, 1, ts);
        if (r == 0) {
            return true;
        }
        int err = b.lib.errno(st);
        if (err == b.eagain || err == b.eintr) {
            return false;
        }
        throw failure(timeoutNanos == 0 ? "semop(lock)" : "semtimedop(lock)", err);
    }

    /**
     * One attempt of at most {@code timeoutNanos} where the OS has no {@code semtimedop} (macOS):
     * {@code semop} with {@code IPC_NOWAIT}, retried after {@link PollBackoff} pauses until the time
     * is up. The caller (the portable mutex) checks interrupts and close between attempts.
     */
    private boolean pollLock(MemorySegment st, MemorySegment op, long timeoutNanos) {
        long deadline = Deadline.nanosFromNow(timeoutNanos);
        long backoff = PollBackoff.START;
        while (true) {
            b.setOp(op, 0, UndoSemaphoreMutex.LOCK, -1, b.semUndo | b.ipcNowait);
            if (b.lib.semop(st, id, op, 1) == 0) {
                return true;
            }
            int err = b.lib.errno(st);
            if (err == b.eintr) {
                return false;
            }
            if (err != b.eagain) {
                throw failure("semop(lock)", err);
            }
            if (Deadline.expired(deadline)) {
                return false;
            }
            backoff = PollBackoff.pause(backoff, deadline);
        }
    }

    @Override
    public int value(int index) {
        MemorySegment st = NativeBinder.callState();
        int v = b.lib.semctl(st, id, index, b.getval, 0);
        if (v < 0) {
            throw failure("semctl(GETVAL)", b.lib.errno(st));
        }
        return v;
    }

    @Override
    public void addToOwner(int deltaLow, int deltaHigh) {
        int n = ownerOps(deltaLow, deltaHigh);
        if (n > 0) {
            semop("semop(record owner)", n);
        }
    }

    @Override
    public void releaseLock(int deltaLow, int deltaHigh) {
        int n = ownerOps(deltaLow, deltaHigh);
        b.setOp(ownerOps, n, UndoSemaphoreMutex.LOCK, 1, b.semUndo | b.ipcNowait);
        semop("semop(unlock)", n + 1);
    }

    /** Fills the owner operations, leaving out zero deltas (an sem_op of 0 would wait for zero). */
    private int ownerOps(int deltaLow, int deltaHigh) {
        int n = 0;
        if (deltaLow != 0) {
            b.setOp(ownerOps, n++, UndoSemaphoreMutex.OWNER_LOW, deltaLow, b.ipcNowait);
        }
        if (deltaHigh != 0) {
            b.setOp(ownerOps, n++, UndoSemaphoreMutex.OWNER_HIGH, deltaHigh, b.ipcNowait);
        }
        return n;
    }

    private void semop(String what, int count) {
        MemorySegment st = NativeBinder.callState();
        while (b.lib.semop(st, id, ownerOps, count) != 0) {
            int err = b.lib.errno(st);
            if (err != b.eintr) {
                throw failure(what, err);
            }
        }
    }

    private RuntimeException failure(String operation, int err) {
        String undoLimit = err == b.einval ? b.limits.undoEntriesPerProcess() : null;
        if (undoLimit != null && stillExists()) {
            // Not a removed set: this process has used up its SEM_UNDO entries (one per mutex it holds).
            return new IpcLimitException(operation, name, b.lib.osError(err), "this process holds as many robust mutexes"
                    + " as the OS keeps undo entries for (" + undoLimit + "): release one first, or raise the limit");
        }
        String detail = err == b.eidrm || err == b.einval
                ? "the mutex's System V set was removed (removeMutex or ipcrm)"
                : err == b.eagain ? "the set was changed by something other than this library" : null;
        return b.error(operation, name, err, detail);
    }

    /** Whether the set still answers (GETVAL), telling a removed set from another EINVAL. */
    private boolean stillExists() {
        return b.lib.semctl(NativeBinder.callState(), id, UndoSemaphoreMutex.LOCK, b.getval, 0) >= 0;
    }

    @Override
    public void close() {
        // System V sets have no handle to close; the per-object buffer goes with the object.
    }
}
