package io.ffmipc;

import java.lang.foreign.MemorySegment;

/**
 * Receives a message in place, without copying it: the zero-copy consumer of a {@link Channel}.
 *
 * <p>{@code buffer} is a read-only view of the ring; the message is the {@code length} bytes at
 * {@code offset}. The bytes are valid only during the call: once it returns, the space is given
 * back to the producer. Nothing is allocated per message.
 */
@FunctionalInterface
public interface MessageHandler {
    /** Called once per message, with the {@code length} bytes at {@code offset} of {@code buffer}. */
    void onMessage(MemorySegment buffer, long offset, int length);
}
