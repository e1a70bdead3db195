package io.ffmipc.testkit;

import io.ffmipc.Inheritable;
import io.ffmipc.SharedMemory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Test-only: {@link SharedMemory} that is this process's own memory (an {@link Arena}), for unit
 * tests of code that parks on or reads words of shared memory without a provider. Closing it ends
 * the arena, so the segment is then unusable, as a real mapping's.
 */
public final class ArenaSharedMemory implements SharedMemory {
    private final String name;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment segment;

    public ArenaSharedMemory(String name, long size) {
        this.name = name;
        this.segment = arena.allocate(size, 64);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return segment.byteSize();
    }

    @Override
    public MemorySegment segment() {
        if (!arena.scope().isAlive()) {
            throw new IllegalStateException("'" + name + "' is closed");
        }
        return segment;
    }

    @Override
    public boolean created() {
        return true;
    }

    @Override
    public void unlink() {
        // no name to remove
    }

    @Override
    public Optional<Inheritable> handle() {
        return Optional.empty();
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
