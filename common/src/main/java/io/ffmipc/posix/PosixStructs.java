package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;

import java.lang.foreign.MemorySegment;

/**
 * Reads and writes integer fields of C structs by name, whatever their width on the running OS
 * (macOS's {@code mode_t} is 2 bytes where Linux's is 4, {@code shmatt_t} 2 where Linux's is 8), so
 * the POSIX layer is written once against every OS's layouts. Unsigned C types read as unsigned
 * (a 16-bit mode 0100600 stays positive).
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
}
