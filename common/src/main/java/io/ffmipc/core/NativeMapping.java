package io.ffmipc.core;

import io.ffmipc.spi.IpcErrors;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Memory the kernel mapped for us (mmap, shmat), bound to a shared arena: closing the arena runs
 * the release call (munmap, shmdt), and any later access through the segment throws
 * {@link IllegalStateException} instead of touching memory that is gone. The one place the
 * Linux adapters turn a raw address into a segment.
 */
public final class NativeMapping {
    private final Arena arena = Arena.ofShared();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MemorySegment segment;
    private final String what;
    private final String name;

    /**
     * @param address the start of the mapping (zero-length segment from the downcall)
     * @param size    its length in bytes
     * @param release unmaps it; called once with {@code address}, when the arena closes
     */
    public NativeMapping(MemorySegment address, long size, Consumer<MemorySegment> release, String what, String name) {
        this.segment = address.reinterpret(size, arena, release);
        this.what = what;
        this.name = name;
    }

    public MemorySegment segment() {
        if (closed.get()) {
            throw IpcErrors.closed(what, name);
        }
        return segment;
    }

    public boolean isClosed() {
        return closed.get();
    }

    public void ensureOpen() {
        if (closed.get()) {
            throw IpcErrors.closed(what, name);
        }
    }

    /**
     * Unmaps, once; later calls do nothing. If another thread is inside a native call that uses
     * the segment, the arena refuses to close: that is reported and a later close may succeed.
     */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                arena.close();
            } catch (IllegalStateException inUse) {
                closed.set(false);
                throw inUse;
            }
        }
    }
}
