package io.ffmipc;

import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * One end of a named byte-stream pipe: a FIFO on Linux and macOS, a byte-mode named pipe on
 * Windows. Bytes arrive in order with no message boundaries. Create the name once with
 * {@link IpcPlatform#createStreamPipe}, then open a {@link End#READ read} end in one process and a
 * {@link End#WRITE write} end in another with {@link IpcPlatform#openStreamPipe}.
 *
 * <p>Opening the write end waits (up to its timeout) until a reader has the pipe open; the read end
 * opens at once and its reads wait for data. When every writer has gone away (closed, exited or
 * killed) and the data is read, {@link #read} returns {@code -1}: a clean end of stream. A write
 * after the reader has gone throws {@link PeerClosedException}.
 *
 * <p>Reads and writes through {@link MemorySegment}s allocate nothing; the segments must be native
 * (off-heap). The {@code byte[]} forms copy through a buffer the pipe keeps.
 */
public interface StreamPipe extends AutoCloseable {

    /** Which end of the pipe this is. */
    enum End {
        /** The end that reads. */
        READ,
        /** The end that writes. */
        WRITE
    }

    /** The pipe's portable name. */
    String name();

    /** Which end this handle is. */
    End end();

    /**
     * Reads at most {@code buffer.byteSize()} bytes, waiting at most {@code timeout} for some to
     * arrive. Returns the number of bytes read (at least 1), 0 if none came in time, or -1 at the
     * end of the stream (every writer has gone and everything written was read).
     */
    long read(MemorySegment buffer, Duration timeout);

    /** {@link #read(MemorySegment, Duration)} into {@code bytes[offset .. offset+length)}. */
    int read(byte[] bytes, int offset, int length, Duration timeout);

    /**
     * Writes all of {@code data} unless {@code timeout} passes first (the reader does not keep up);
     * returns the number of bytes written, {@code data.byteSize()} unless the time ran out.
     *
     * @throws PeerClosedException if the reader has gone
     */
    long write(MemorySegment data, Duration timeout);

    /** {@link #write(MemorySegment, Duration)} of {@code bytes[offset .. offset+length)}. */
    int write(byte[] bytes, int offset, int length, Duration timeout);

    /** Closes this end; the peer sees end of stream (or {@link PeerClosedException}). Safe to call twice. */
    @Override
    void close();
}
