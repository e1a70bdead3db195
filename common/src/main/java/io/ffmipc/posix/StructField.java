package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An integer field of a C struct, located once by name ({@link PosixStructs} does the same per
 * call): its offset and width on the running OS, so hot paths read and write it without looking
 * it up or allocating. Widths differ by OS and C library ({@code msg_iovlen} is a {@code size_t} in
 * glibc, an {@code int} in musl and macOS; {@code cmsg_len} a {@code size_t} in glibc, a
 * {@code socklen_t} on macOS).
 */
record StructField(String name, long offset, int width) {

    static StructField of(CStruct struct, String field) {
        MemoryLayout.PathElement[] path = path(field);
        MemoryLayout layout = struct.layout().select(path);
        int width = (int) layout.byteSize();
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw new IllegalArgumentException(struct.cName() + "." + field + " is not an integer field (" + width
                    + " bytes)");
        }
        return new StructField(field, struct.layout().byteOffset(path), width);
    }

    /** The layout path of a field; a field of a nested struct is named with a dot ({@code "sem_perm.uid"}). */
    static MemoryLayout.PathElement[] path(String field) {
        String[] names = field.split("\\.");
        MemoryLayout.PathElement[] path = new MemoryLayout.PathElement[names.length];
        for (int i = 0; i < names.length; i++) {
            path[i] = MemoryLayout.PathElement.groupElement(names[i]);
        }
        return path;
    }

    /** The value, zero-extended from its width. */
    long get(MemorySegment s) {
        return switch (width) {
            case 1 -> Byte.toUnsignedLong(s.get(ValueLayout.JAVA_BYTE, offset));
            case 2 -> Short.toUnsignedLong(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset));
            case 4 -> Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, offset));
            default -> s.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
        };
    }

    /** Sets the value, truncated to its width. */
    void set(MemorySegment s, long value) {
        switch (width) {
            case 1 -> s.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
            case 2 -> s.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (short) value);
            case 4 -> s.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) value);
            default -> s.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, value);
        }
    }
}
