package io.ffmipc.sync;

import java.lang.foreign.MemorySegment;

/**
 * The part every process-shared synchronisation type handles the same way: its {@link SharedStructure},
 * its name, unlinking and closing. Each subclass keeps its own descriptor layout and its own calls.
 */
abstract class SharedSyncObject implements AutoCloseable {
    final SharedStructure shared;
    /** The structure's memory, read and written through {@link SharedInts} at the descriptor's offsets. */
    final MemorySegment s;

    SharedSyncObject(SharedStructure shared) {
        this.shared = shared;
        this.s = shared.segment;
    }

    public String name() {
        return shared.name;
    }

    public void unlink() {
        shared.unlink();
    }

    @Override
    public void close() {
        shared.close();
    }
}
