package io.ffmipc.sync;

import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.PollingWaitSeam;
import io.ffmipc.core.SharedStructures;
import io.ffmipc.core.StructureKind;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.spi.WaitSeam;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One process's handle on a process-shared synchronisation structure: its shared memory object,
 * the seam words on it and a {@link CloseGuard}. Made, found and checked by the lifecycle every
 * shared-memory structure shares ({@link SharedStructures}); an opener waits up to
 * {@link #READY_MILLIS} for a creator that has not finished.
 */
final class SharedStructure implements AutoCloseable {
    /** How long an opener waits for a creator that is between creating the object and publishing it. */
    static final long READY_MILLIS = 1000;

    final StructureKind kind;
    final String name;
    final SharedMemory memory;
    final MemorySegment segment;
    final CloseGuard guard;
    private final WaitSeam seam;
    private final List<SharedWord> words = new ArrayList<>();

    private SharedStructure(WaitSeam seam, StructureKind kind, String name, SharedMemory memory) {
        this.seam = seam;
        this.kind = kind;
        this.name = name;
        this.memory = memory;
        this.segment = memory.segment();
        this.guard = new CloseGuard(kind.title(), name);
    }

    /**
     * Opens or creates the structure and wraps it in its type's handle; if making the handle fails,
     * the structure is closed again (and removed if this call created it).
     *
     * @param init   writes the structure's fields into fresh (zeroed) memory, before the magic
     * @param check  checks an existing structure's configuration against the caller's; throws if they differ
     * @param handle makes the type's handle
     */
    static <T> T open(PlatformSeams seams, StructureKind kind, String name, OpenMode mode, Permissions permissions,
                      Consumer<MemorySegment> init, Consumer<MemorySegment> check, Function<SharedStructure, T> handle) {
        Objects.requireNonNull(seams, "platform");
        // Where the OS offers no wait seam (macOS before 14.4), waiters poll the word.
        WaitSeam seam = seams.waitSeam().orElse(PollingWaitSeam.INSTANCE);
        // Every process that uses a structure writes to it, so each needs read and write.
        return SharedStructures.open(seams, kind, name, mode, SyncHeader.SIZE, SyncHeader.SIZE, permissions,
                READY_MILLIS * 1_000_000L, init, (memory, created) -> {
                    if (!created) {
                        check.accept(memory.segment());
                    }
                    SharedStructure shared = new SharedStructure(seam, kind, name, memory);
                    try {
                        return handle.apply(shared);
                    } catch (RuntimeException e) {
                        shared.close();
                        throw e;
                    }
                });
    }

    /** A seam word of this structure; closed with it. */
    SharedWord word(long offset) {
        SharedWord w = seam.word(memory, offset);
        words.add(w);
        return w;
    }

    /** Removes the name; handles already open keep working. */
    void unlink() {
        guard.checkOpen();
        memory.unlink();
    }

    /** Removes a structure's object by its portable name; false if there was none. */
    static boolean remove(PlatformSeams seams, StructureKind kind, String name) {
        return SharedStructures.remove(seams, kind, name);
    }

    /**
     * Closing the words first ends any wait in progress within one wait slice (its thread gets
     * {@link IllegalStateException}); then the guard waits for running calls, then the memory is unmapped.
     */
    @Override
    public void close() {
        for (SharedWord w : words) {
            w.close();
        }
        if (guard.close()) {
            memory.close();
        }
    }

    @Override
    public String toString() {
        return kind.title() + " '" + name + "'" + (guard.isClosed() ? " (closed)" : "");
    }
}
