package io.ffmipc.core;

import io.ffmipc.SharedMemory;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.spi.SharedWord;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * What every wait seam's word shares, whatever parks on it (a kernel wait queue, polling): its place
 * in the mapping, checked when the word is made (4 bytes that fit, 4-byte aligned, open memory), a
 * label fixed then so waits and wakes allocate nothing, closing, and the checks before each call.
 */
public abstract class SeamWord implements SharedWord {
    private final MemorySegment segment;
    private final long offset;
    private final String label;
    private volatile boolean closed;

    /**
     * @throws IllegalArgumentException the word does not fit in the mapping or is not 4-byte aligned
     * @throws IllegalStateException    the memory is closed
     */
    protected SeamWord(SharedMemory memory, long offset) {
        Objects.requireNonNull(memory, "memory");
        MemorySegment s = memory.segment(); // IllegalStateException once the memory is closed
        if (offset < 0 || offset > s.byteSize() - 4) {
            throw new IllegalArgumentException("shared word at offset " + offset + " does not fit in '" + memory.name()
                    + "' of " + s.byteSize() + " bytes (a word is 4 bytes)");
        }
        if (((s.address() + offset) & 3) != 0) {
            throw new IllegalArgumentException("shared word at offset " + offset + " of '" + memory.name()
                    + "' is not 4-byte aligned");
        }
        this.segment = s;
        this.offset = offset;
        this.label = "word at offset " + offset + " of '" + memory.name() + "'";
    }

    @Override
    public final MemorySegment segment() {
        return segment;
    }

    @Override
    public final long offset() {
        return offset;
    }

    /** How messages name the word. */
    protected final String label() {
        return label;
    }

    /** Whether {@link #close()} was called: a wait in progress ends on it. */
    protected final boolean isClosed() {
        return closed;
    }

    /** Before a call: {@link IllegalStateException} if the word or its memory was closed. */
    protected final void checkLive() {
        if (closed) {
            throw IpcErrors.closed("shared word", label);
        }
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException(label + ": its shared memory was closed");
        }
    }

    /** Before a wake: the count rule. */
    protected final void checkWakeCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException(label + ": wake count must be at least 1, got " + count);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + label + (closed ? ", closed]" : "]");
    }
}
