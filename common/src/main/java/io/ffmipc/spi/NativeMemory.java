package io.ffmipc.spi;

import java.lang.foreign.MemorySegment;
import java.util.OptionalLong;

/**
 * Memory a {@link SharedMemorySeam} mapped: the raw mapping and the OS handle behind it. The
 * portable layer binds {@link #address()} to an arena whose closing calls {@link #unmap()}, guards
 * every later use, checks the owner and the sizes, and closes the handle; the seam only maps and
 * releases.
 */
public interface NativeMemory {

    /** The name messages use: the portable name, a path, or a label for unnamed memory. */
    String name();

    /** What it is, for messages: {@code shared memory}, {@code mapped file}. */
    String kind();

    /** The start of the mapping (a zero-length segment, as a downcall returns it). */
    MemorySegment address();

    /** The mapped length in bytes. */
    long size();

    /** Whether this attempt created the object. */
    boolean created();

    /** The object's owner as the OS records it (of the opened handle, not of the name). */
    ObjectOwner owner();

    /** The OS handle another process can be given (a descriptor, a HANDLE); empty where there is none. */
    OptionalLong handle();

    /** Unmaps; called exactly once, when the arena the mapping is bound to closes. */
    void unmap();

    /** Releases the handle (if any); called exactly once, after {@link #unmap()}. */
    void closeHandle();

    /** Removes the name (nothing where it has none, or where names die with their last handle); false if it was gone. */
    boolean unlink();
}
