package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;

import java.lang.foreign.MemorySegment;

/**
 * Reads and writes integer fields of C structs by name, whatever their width on the running OS
 * (macOS's {@code mode_t} is 2 bytes where Linux's is 4, {@code shmatt_t} 2 where Linux's is 8), so
 * the POSIX layer is written once against every OS's layouts. Unsigned C types read as unsigned
 * (a 16-bit mode 0100600 stays positive). A field of a nested struct is named with a dot:
 * {@code "sem_perm.uid"} (the System V structs keep their {@code struct ipc_perm} inside, at an
 * offset and with a layout that differ by OS).
 */
public final class PosixStructs {
    private PosixStructs() {
    }

    /** The field's value, zero-extended from its width (signedness does not matter for the fields the layer reads). */
    public static long get(MemorySegment s, CStruct struct, String field) {
        return StructField.of(struct, field).get(s);
    }

    /** Sets the field to {@code value}, truncated to its width. */
    public static void set(MemorySegment s, CStruct struct, String field, long value) {
        StructField.of(struct, field).set(s, value);
    }

    /**
     * Whether the OS's layout has the field, for the few fields whose C name differs by OS
     * (glibc's {@code __msg_cbytes} is macOS's {@code msg_cbytes}).
     */
    public static boolean has(CStruct struct, String field) {
        try {
            struct.layout().select(StructField.path(field));
            return true;
        } catch (IllegalArgumentException absent) {
            return false;
        }
    }
}
