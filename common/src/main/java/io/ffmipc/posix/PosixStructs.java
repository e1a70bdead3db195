package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

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
        MemoryLayout.PathElement[] path = path(field);
        long offset = struct.layout().byteOffset(path);
        MemoryLayout layout = struct.layout().select(path);
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
        MemoryLayout.PathElement[] path = path(field);
        long offset = struct.layout().byteOffset(path);
        MemoryLayout layout = struct.layout().select(path);
        switch ((int) layout.byteSize()) {
            case 1 -> s.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
            case 2 -> s.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (short) value);
            case 4 -> s.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) value);
            case 8 -> s.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, value);
            default -> throw new IllegalArgumentException(struct.cName() + "." + field + " is not an integer field ("
                    + layout.byteSize() + " bytes)");
        }
    }

    /**
     * Whether the OS's layout has the field, for the few fields whose C name differs by OS
     * (glibc's {@code __msg_cbytes} is macOS's {@code msg_cbytes}).
     */
    public static boolean has(CStruct struct, String field) {
        try {
            struct.layout().select(path(field));
            return true;
        } catch (IllegalArgumentException absent) {
            return false;
        }
    }

    private static MemoryLayout.PathElement[] path(String field) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            return new MemoryLayout.PathElement[] {MemoryLayout.PathElement.groupElement(field)};
        }
        String[] names = field.split("\\.");
        MemoryLayout.PathElement[] path = new MemoryLayout.PathElement[names.length];
        for (int i = 0; i < names.length; i++) {
            path[i] = MemoryLayout.PathElement.groupElement(names[i]);
        }
        return path;
    }
}
