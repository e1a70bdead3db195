package io.ffmipc.channel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The VarHandles every channel structure accesses shared memory through (coordinates: segment,
 * byte offset), and the zeroing helper. Static finals, so the JIT treats them as constants.
 */
final class Shared {
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    /** A block of zeroes to copy from: clearing a consumed record with a bulk copy allocates nothing. */
    private static final MemorySegment ZEROES = Arena.global().allocate(4096, 8);

    private Shared() {
    }

    /** Zeroes {@code length} bytes (a multiple of 8) at {@code offset}. */
    static void zero(MemorySegment segment, long offset, int length) {
        if (length <= 64) {
            for (int i = 0; i < length; i += 8) {
                LONG.set(segment, offset + i, 0L);
            }
            return;
        }
        long done = 0;
        while (done < length) {
            long n = Math.min(ZEROES.byteSize(), length - done);
            MemorySegment.copy(ZEROES, 0, segment, offset + done, n);
            done += n;
        }
    }
}
