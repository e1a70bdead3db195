package io.ffmipc.spi;

import java.lang.foreign.MemorySegment;

/**
 * One open end of a {@link StreamPipeSeam} pipe; reads and writes are one attempt each, on native
 * segments, and allocate nothing.
 */
public interface NativeStreamPipe {

    /** The result of {@link #read} at the end of the stream: every writer has gone and all was read. */
    long END_OF_STREAM = -1;

    /** The owner of the pipe as the OS records it for the opened object (not for the name). */
    ObjectOwner owner();

    /**
     * Waits at most {@code nanos} for bytes and reads some into {@code buffer} (not empty): the count
     * (at least 1), {@link #END_OF_STREAM}, {@link Attempt#TIMED_OUT}, or {@link Attempt#INTERRUPTED}
     * when the attempt ended early without bytes (a signal, a wake-up with nothing to read).
     */
    long read(MemorySegment buffer, long nanos);

    /**
     * Waits at most {@code nanos} for room and writes some of {@code data}: the count (at least 1),
     * {@link Attempt#TIMED_OUT} or {@link Attempt#INTERRUPTED}.
     *
     * @throws io.ffmipc.PeerClosedException if the reader has gone
     */
    long write(MemorySegment data, long nanos);

    /** Closes this end; called once. */
    void close();
}
