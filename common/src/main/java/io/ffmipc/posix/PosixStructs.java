package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

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
        long offset = struct.offset(field);
        MemoryLayout layout = struct.layout().select(MemoryLayout.PathElement.groupElement(field));
        return switch ((int) layout.byteSize()) {
            case 1 -> Byte.toUnsignedLong(s.get(ValueLayout.JAVA_BYTE, offset));
            case 2 -> Short.toUnsignedLong(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset));
            case 4 -> Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, offset));
            case 8 -> s.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
            default -> throw new IllegalArgumentException(struct.cName() + "." + field + " is not an integer field ("
                    + layout.byteSize() + " bytes)");
        };
    }

    /** Sets the field to {@code value}, truncated to its width. */
    public static void set(MemorySegment s, CStruct struct, String field, long value) {
        long offset = struct.offset(field);
        MemoryLayout layout = struct.layout().select(MemoryLayout.PathElement.groupElement(field));
        switch ((int) layout.byteSize()) {
            case 1 -> s.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
            case 2 -> s.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (short) value);
            case 4 -> s.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) value);
            case 8 -> s.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, value);
            default -> throw new IllegalArgumentException(struct.cName() + "." + field + " is not an integer field ("
                    + layout.byteSize() + " bytes)");
        }
    }
}
