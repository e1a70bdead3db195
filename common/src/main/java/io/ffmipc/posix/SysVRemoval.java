package io.ffmipc.posix;

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

    /** The id lookup, e.g. {@code (st, key) -> lib.msgget(st, key, 0)}. */
    @FunctionalInterface
    interface Lookup {
        int id(MemorySegment state, int key);
    }

    /** The IPC_RMID call on an id, e.g. {@code (st, id) -> lib.msgctl(st, id, IPC_RMID, NULL)}. */
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
    static boolean byKey(SysVBinding b, int key, String label, String lookupCall, Lookup lookup, String removeCall,
                         RemoveId remove) {
        SystemVKeys.requireShareable(label, key);
        MemorySegment st = NativeBinder.callState();
        int id = lookup.id(st, key);
        if (id < 0) {
            int err = b.lib.errno(st);
            if (err == b.enoent) {
                return false;
            }
            throw b.error(lookupCall, label, err);
        }
        if (remove.remove(st, id) < 0) {
            int err = b.lib.errno(st);
            if (err == b.einval || err == b.eidrm) {
                return false; // removed by someone else meanwhile
            }
            throw b.error(removeCall, label, err);
        }
        return true;
    }
}
