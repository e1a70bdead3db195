package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;

/**
 * A view of exactly {@code length} bytes of a harness buffer, for APIs that take the message
 * length from the segment's size. The view is remade only when the buffer or length changes
 * (at phase boundaries), so sending allocates nothing per message.
 */
final class ExactView {
    private MemorySegment buffer;
    private int length = -1;
    private MemorySegment view;

    MemorySegment of(MemorySegment message, int length) {
        if (message != buffer || length != this.length) {
            view = message.asSlice(0, length);
            buffer = message;
            this.length = length;
        }
        return view;
    }
}
