package io.ffmipc.core;

import java.lang.foreign.MemorySegment;

/** Argument rules for caller segments that the OS reads or writes directly (pipes, sockets). */
public final class NativeSegments {
    private NativeSegments() {
    }

    /** Checks that a caller's segment can be handed to the kernel. */
    public static void require(MemorySegment segment, String operation, String label) {
        if (segment == null) {
            throw new IllegalArgumentException(operation + " '" + label + "': a segment is required");
        }
        if (!segment.isNative()) {
            throw new IllegalArgumentException(operation + " '" + label
                    + "': the segment must be native (off-heap), as the kernel reads or writes it directly;"
                    + " use the byte[] form for heap data");
        }
    }
}
