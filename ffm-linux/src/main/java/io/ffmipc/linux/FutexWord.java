package io.ffmipc.linux;

import io.ffmipc.SharedMemory;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.spi.SharedWord;

import java.lang.foreign.MemorySegment;

/**
 * The Linux {@link SharedWord}: a futex on a word of a shared mapping. Address and label are fixed
 * at creation, so {@link #await} and {@link #wake} allocate nothing. Closing the word holds no OS
 * resource; it only makes later use fail with {@link IllegalStateException}.
 */
final class FutexWord implements SharedWord {
    private final MemorySegment segment;
    private final long offset;
    private final long address;
    private final String label;
    private volatile boolean closed;

    FutexWord(SharedMemory memory, long offset) {
        this(memory.segment(), offset, "word at offset " + offset + " of '" + memory.name() + "'");
    }

    FutexWord(MemorySegment segment, long offset, String label) {
        this.segment = segment;
        this.offset = offset;
        this.address = Futex.checkedAddress(segment, offset);
        this.label = label;
    }

    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public int await(int expected, long nanos) {
        checkOpen();
        return Futex.waitOnce(segment, address, expected, nanos, this);
    }

    @Override
    public int wake(int count) {
        checkOpen();
        if (count < 1) {
            throw new IllegalArgumentException(label + ": wake count must be at least 1, got " + count);
        }
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException("futex " + label + ": its shared memory was closed");
        }
        return Futex.wakeAt(address, count, this);
    }

    void checkOpen() {
        if (closed) {
            throw IpcErrors.closed("shared word", label);
        }
    }

    String label() {
        return label;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "FutexWord[" + label + (closed ? ", closed]" : "]");
    }
}
