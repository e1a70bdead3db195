package io.ffmipc.linux;

import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.KeyAnchor;
import io.ffmipc.posix.UndoSemaphoreMutex;
import io.ffmipc.posix.UndoSemaphoreSet;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The Linux System V calls behind {@link UndoSemaphoreMutex}: one {@code semtimedop} or
 * {@code semctl} per method, and the creation, probing and removal of the sets for
 * {@link KeyAnchor}. The protocol itself lives in common.
 */
final class SysVUndoSemaphoreSet implements UndoSemaphoreSet {
    private static final int SEM_UNDO = LibC.SEM_UNDO.intValue();
    private static final int IPC_NOWAIT = LibC.IPC_NOWAIT.intValue();
    private static final int GETVAL = LibC.GETVAL.intValue();
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int ENOENT = Errno.ENOENT.intValue();
    private static final long SEMBUF_SIZE = LibC.SEMBUF.layout().byteSize();

    private final String name;
    private final int id;
    /** Up to three sembufs for the owner operations; only the lock's holder uses them, one at a time. */
    private final MemorySegment ownerOps;

    private SysVUndoSemaphoreSet(String name, int id) {
        this.name = name;
        this.id = id;
        this.ownerOps = Arena.ofAuto().allocate(SEMBUF_SIZE * UndoSemaphoreMutex.SEMAPHORES, 8);
    }

    /** The set with {@code key}, which {@link KeyAnchor} has just confirmed exists. */
    static SysVUndoSemaphoreSet open(String name, int key) {
        MemorySegment st = NativeBinder.callState();
        int id = LibC.INSTANCE.semget(st, key, UndoSemaphoreMutex.SEMAPHORES, 0);
        if (id < 0) {
            throw Errno.exception("semget", name, LibC.INSTANCE.errno(st), "the mutex's System V set (key 0x"
                    + Integer.toHexString(key) + ") could not be opened");
        }
        return new SysVUndoSemaphoreSet(name, id);
    }

    /** Creation, probing and removal of mutex sets by key, for the anchor. */
    static KeyAnchor.KeyedObjects objects(String name) {
        return new KeyAnchor.KeyedObjects() {
            @Override
            public boolean create(int key, Permissions permissions) {
                try {
                    // Initialised by SysVSemaphoreSet's protocol: the first semop (lock 0 → 1) sets sem_otime.
                    SysVSemaphoreSet.open(key, OpenMode.CREATE, UndoSemaphoreMutex.SEMAPHORES, permissions,
                            SysVSemaphoreSet.DEFAULT_INIT_TIMEOUT, UndoSemaphoreMutex.initialValues()).close();
                    return true;
                } catch (IpcObjectExistsException taken) {
                    return false;
                }
            }

            @Override
            public KeyAnchor.Probe probe(int key) {
                return SysVUndoSemaphoreSet.probe(name, key);
            }

            @Override
            public boolean remove(int key) {
                return SysVSemaphoreSet.remove(key);
            }
        };
    }

    private static KeyAnchor.Probe probe(String name, int key) {
        MemorySegment st = NativeBinder.callState();
        int id = LibC.INSTANCE.semget(st, key, 0, 0);
        if (id < 0) {
            int err = LibC.INSTANCE.errno(st);
            if (err == ENOENT) {
                return KeyAnchor.Probe.MISSING;
            }
            throw Errno.exception("semget", name, err);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ds = a.allocate(LibC.SEMID_DS.layout());
            if (LibC.INSTANCE.semctl(st, id, 0, LibC.IPC_STAT.intValue(), ds) < 0) {
                int err = LibC.INSTANCE.errno(st);
                if (err == Errno.EINVAL.intValue() || err == Errno.EIDRM.intValue()) {
                    return KeyAnchor.Probe.MISSING; // removed between the two calls
                }
                throw Errno.exception("semctl(IPC_STAT)", name, err);
            }
            if (ds.get(ValueLayout.JAVA_LONG, LibC.SEMID_DS.offset("sem_nsems")) != UndoSemaphoreMutex.SEMAPHORES) {
                return KeyAnchor.Probe.FOREIGN;
            }
            return ds.get(ValueLayout.JAVA_LONG, LibC.SEMID_DS.offset("sem_otime")) == 0
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
        NativeScratch scratch = NativeScratch.get();
        MemorySegment op = scratch.small;
        setOp(op, 0, UndoSemaphoreMutex.LOCK, -1, SEM_UNDO | (timeoutNanos == 0 ? IPC_NOWAIT : 0));
        MemorySegment ts = MemorySegment.NULL;
        if (timeoutNanos > 0) {
            ts = scratch.timespec;
            ts.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
            ts.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
        }
        if (LibC.INSTANCE.semtimedop(st, id, op, 1, ts) == 0) {
            return true;
        }
        int err = LibC.INSTANCE.errno(st);
        if (err == EAGAIN || err == EINTR) {
            return false;
        }
        throw failure("semtimedop(lock)", err);
    }

    @Override
    public int value(int index) {
        MemorySegment st = NativeBinder.callState();
        int v = LibC.INSTANCE.semctl(st, id, index, GETVAL, 0);
        if (v < 0) {
            throw failure("semctl(GETVAL)", LibC.INSTANCE.errno(st));
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
        setOp(ownerOps, n, UndoSemaphoreMutex.LOCK, 1, SEM_UNDO | IPC_NOWAIT);
        semop("semop(unlock)", n + 1);
    }

    /** Fills the owner operations, leaving out zero deltas (an sem_op of 0 would wait for zero). */
    private int ownerOps(int deltaLow, int deltaHigh) {
        int n = 0;
        if (deltaLow != 0) {
            setOp(ownerOps, n++, UndoSemaphoreMutex.OWNER_LOW, deltaLow, IPC_NOWAIT);
        }
        if (deltaHigh != 0) {
            setOp(ownerOps, n++, UndoSemaphoreMutex.OWNER_HIGH, deltaHigh, IPC_NOWAIT);
        }
        return n;
    }

    private void semop(String what, int count) {
        MemorySegment st = NativeBinder.callState();
        while (LibC.INSTANCE.semop(st, id, ownerOps, count) != 0) {
            int err = LibC.INSTANCE.errno(st);
            if (err != EINTR) {
                throw failure(what, err);
            }
        }
    }

    private static void setOp(MemorySegment ops, int index, int sem, int delta, int flags) {
        long at = index * SEMBUF_SIZE;
        ops.set(ValueLayout.JAVA_SHORT, at, (short) sem);
        ops.set(ValueLayout.JAVA_SHORT, at + 2, (short) delta);
        ops.set(ValueLayout.JAVA_SHORT, at + 4, (short) flags);
    }

    private RuntimeException failure(String operation, int err) {
        String detail = err == Errno.EIDRM.intValue() || err == Errno.EINVAL.intValue()
                ? "the mutex's System V set was removed (removeMutex or ipcrm)"
                : err == EAGAIN ? "the set was changed by something other than this library" : null;
        return Errno.exception(operation, name, err, detail);
    }

    @Override
    public void close() {
        // System V sets have no handle to close; the per-object buffer goes with the object.
    }
}
