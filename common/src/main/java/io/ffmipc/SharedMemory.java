package io.ffmipc;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * A region of memory shared between processes: named POSIX or System V shared memory, a Windows
 * file mapping, or a mapped file.
 *
 * <p>{@link #segment()} is bound to this object: after {@link #close()} any access through it
 * throws {@link IllegalStateException} instead of touching unmapped memory.
 */
public interface SharedMemory extends AutoCloseable {

    /** The portable name the object was opened by (a path for a mapped file). */
    String name();

    /** The mapped size in bytes. */
    long size();

    /** The mapping; valid until {@link #close()}. */
    MemorySegment segment();

    /** Whether this call created the object (as opposed to opening an existing one). */
    boolean created();

    /**
     * Removes the name, so that it can no longer be opened; processes that have it mapped keep
     * their mapping. Does nothing where names die with their last handle (Windows).
     */
    void unlink();

    /**
     * The OS handle behind the mapping, to pass to another process ({@link MessagePipe#sendHandle},
     * {@link ChildLauncher#inherit}), which maps it with {@link IpcPlatform#sharedMemoryFromHandle}.
     * Empty where the object has no handle (System V shared memory: pass its key instead). Valid
     * until {@link #close()}.
     */
    default Optional<Inheritable> handle() {
        return Optional.empty();
    }

    /** Unmaps the region and releases the handle. Safe to call twice. */
    @Override
    void close();
}
