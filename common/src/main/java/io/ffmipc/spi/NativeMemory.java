package io.ffmipc.spi;

import java.lang.foreign.MemorySegment;
import java.util.OptionalLong;

/**
 * An open shared memory object of a {@link SharedMemorySeam}: a handle with its size and owner,
 * not yet mapped. The portable layer checks the owner and the sizes first, maps once, binds the
 * mapping to an arena whose closing calls {@link #unmap}, guards every later use, and closes the
 * handle; on a failure it closes the object and unlinks what it created.
 */
public interface NativeMemory {

    /** The name messages use: the portable name, a path, or a label for unnamed memory. */
    String name();

    /** What it is, for messages: {@code shared memory}, {@code mapped file}. */
    String kind();

    /** The object's size in bytes (for a created one, the size it was given). */
    long size();

    /** Whether the attempt that opened it created it. */
    boolean created();

    /** The owner as the OS records it for the opened object (not for the name, which may have moved). */
    ObjectOwner owner();

    /** The OS handle another process can be given (a descriptor, a HANDLE); empty where there is none. */
    OptionalLong handle();

    /**
     * Maps {@code size} bytes from the start, shared and writable: the start address (a zero-length
     * segment, as a downcall returns it). One attempt.
     */
    MemorySegment map(long size);

    /** Unmaps what {@link #map} returned; called once, when the arena the mapping is bound to closes. */
    void unmap(MemorySegment address, long size);

    /** Releases the handle; called once. The mapping, if any, stays valid. */
    void close();

    /** Removes the name (nothing where it has none, or where names die with their last handle); false if it was gone. */
    boolean unlink();
}
