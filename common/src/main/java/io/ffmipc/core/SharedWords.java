package io.ffmipc.core;

import io.ffmipc.SharedMemory;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/** The placement rules of a wait seam's word, the same for every seam that parks on an address. */
public final class SharedWords {
    private SharedWords() {
    }

    /**
     * The mapping of {@code memory}, after checking that a 4-byte word at {@code offset} fits in it
     * and is 4-byte aligned ({@link IllegalArgumentException} naming the rule), and that the memory
     * is open ({@link IllegalStateException}).
     */
    public static MemorySegment checked(SharedMemory memory, long offset) {
        Objects.requireNonNull(memory, "memory");
        MemorySegment segment = memory.segment(); // IllegalStateException once the memory is closed
        if (offset < 0 || offset > segment.byteSize() - 4) {
            throw new IllegalArgumentException("shared word at offset " + offset + " does not fit in '" + memory.name()
                    + "' of " + segment.byteSize() + " bytes (a word is 4 bytes)");
        }
        if (((segment.address() + offset) & 3) != 0) {
            throw new IllegalArgumentException("shared word at offset " + offset + " of '" + memory.name()
                    + "' is not 4-byte aligned");
        }
        return segment;
    }

    /** How messages name the word. */
    public static String label(SharedMemory memory, long offset) {
        return "word at offset " + offset + " of '" + memory.name() + "'";
    }
}
