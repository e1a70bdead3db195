package io.ffmipc;

import java.lang.foreign.MemorySegment;

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

    /** Unmaps the region and releases the handle. Safe to call twice. */
    @Override
    void close();
}
