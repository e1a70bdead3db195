package io.ffmipc.linux;

import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.SystemVKeys;

import java.lang.foreign.MemorySegment;

/**
 * Removing a System V object by its key: look the id up ({@code msgget}/{@code semget} without
 * flags), then {@code IPC_RMID} it. Both steps may find the object gone — before the lookup
 * (ENOENT) or removed by another process between the two calls (EINVAL, EIDRM) — which is "there
 * was none", not an error.
 */
final class SysVRemoval {
    private static final int ENOENT = Errno.ENOENT.intValue();
    private static final int EINVAL = Errno.EINVAL.intValue();
    private static final int EIDRM = Errno.EIDRM.intValue();

    /** The id lookup, e.g. {@code (st, key) -> LibC.INSTANCE.msgget(st, key, 0)}. */
    @FunctionalInterface
    interface Lookup {
        int id(MemorySegment state, int key);
    }

    /** The IPC_RMID call on an id, e.g. {@code (st, id) -> LibC.INSTANCE.msgctl(st, id, IPC_RMID, NULL)}. */
    @FunctionalInterface
    interface RemoveId {
        int remove(MemorySegment state, int id);
    }

    private SysVRemoval() {
    }

    /**
     * @param lookupCall and {@code removeCall}: the C calls' names, for errors
     * @return false if there was no object with {@code key}
     */
    static boolean byKey(int key, String label, String lookupCall, Lookup lookup, String removeCall, RemoveId remove) {
        SystemVKeys.requireShareable(label, key);
        MemorySegment st = NativeBinder.callState();
        int id = lookup.id(st, key);
        if (id < 0) {
            int err = LibC.INSTANCE.errno(st);
            if (err == ENOENT) {
                return false;
            }
            throw Errno.exception(lookupCall, label, err);
        }
        if (remove.remove(st, id) < 0) {
            int err = LibC.INSTANCE.errno(st);
            if (err == EINVAL || err == EIDRM) {
                return false; // removed by someone else meanwhile
            }
            throw Errno.exception(removeCall, label, err);
        }
        return true;
    }
}
