package io.ffmipc.core;

import io.ffmipc.spi.Durations;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcTimeoutException;
import io.ffmipc.Permissions;
import io.ffmipc.StreamPipe;
import io.ffmipc.spi.NativeStreamPipe;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.spi.StreamPipeSeam;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link StreamPipe} end on any OS, over a {@link StreamPipeSeam}: the seam opens once, reads
 * once and writes once; here are the retries that open the write end within a timeout (it cannot
 * open before a reader exists), the owner check, deadlines cut into slices so that an interrupt or
 * a close ends a wait within one slice, the argument rules, the close guard and the {@code byte[]}
 * forms, which copy through a buffer the pipe keeps.
 *
 * <p>A read returns -1 (end of stream) only when the seam says every writer has gone; with no
 * writer yet it times out instead (0). A write that finds the reader gone throws
 * {@link io.ffmipc.PeerClosedException}; the JVM ignores SIGPIPE, so the OS reports it as an error.
 */
public final class SeamStreamPipe implements StreamPipe {
    /** Bytes the byte[] forms copy through per native call. */
    private static final int STAGING_SIZE = 64 * 1024;

    private final NativeStreamPipe pipe;
    private final String name;
    private final End end;
    private final CloseGuard guard;
    private final Arena arena = Arena.ofShared();
    private final ReentrantLock stagingLock = new ReentrantLock();
    private MemorySegment staging;

    private SeamStreamPipe(NativeStreamPipe pipe, String name, End end) {
        this.pipe = pipe;
        this.name = name;
        this.end = end;
        this.guard = new CloseGuard("stream pipe " + end.name().toLowerCase() + " end", name);
    }

    /** Creates the named pipe with exactly {@code permissions}. */
    public static void create(StreamPipeSeam seam, String name, Permissions permissions) {
        IpcNames.validate(name);
        Objects.requireNonNull(permissions, "permissions");
        seam.create(name, permissions);
    }

    /** Removes the pipe's name; false if there was none. */
    public static boolean remove(StreamPipeSeam seam, String name) {
        return seam.remove(IpcNames.validate(name));
    }

    /**
     * Opens one end. The read end opens at once; the write end is tried again every few
     * milliseconds until a reader has the pipe open or {@code timeout} passes. A pipe another user
     * owns is refused unless {@code permissions} accept that (see {@link OwnerCheck}).
     */
    public static StreamPipe open(StreamPipeSeam seam, ProcessSeam processes, String name, End end, Duration timeout,
                                  Permissions permissions) {
        IpcNames.validate(name);
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(permissions, "permissions");
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        NativeStreamPipe pipe;
        if (end == End.READ) {
            pipe = seam.openRead(name);
        } else {
            while ((pipe = seam.tryOpenWrite(name)) == null) {
                // No reader yet: a FIFO's write end cannot open without one.
                if (Deadline.expired(deadline)) {
                    throw new IpcTimeoutException("open", name, null, "no reader opened " + seam.location(name)
                            + " within " + Durations.format(timeout));
                }
                RetryPause.pause(deadline, "open stream pipe", name);
            }
        }
        try {
            OwnerCheck.require(processes, pipe.owner(), permissions, "open stream pipe", "stream pipe", name);
        } catch (RuntimeException e) {
            pipe.close();
            throw e;
        }
        return new SeamStreamPipe(pipe, name, end);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public End end() {
        return end;
    }

    @Override
    public long read(MemorySegment buffer, Duration timeout) {
        NativeSegments.require(buffer, "read", name);
        requireEnd(End.READ, "read");
        if (buffer.byteSize() == 0) {
            throw new IllegalArgumentException("read '" + name + "': the buffer is empty");
        }
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        guard.enter();
        try {
            while (true) {
                WaitSlices.checkInterrupt("read", name);
                guard.checkOpen();
                long n = pipe.read(buffer, WaitSlices.next(deadline));
                if (n > 0) {
                    return n;
                }
                if (n == NativeStreamPipe.END_OF_STREAM) {
                    return -1; // every writer has gone and nothing is left
                }
                if (Deadline.expired(deadline)) {
                    return 0;
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length, Duration timeout) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        stagingLock.lock();
        try {
            MemorySegment buf = staging().asSlice(0, Math.min(length, STAGING_SIZE));
            int n = (int) read(buf, timeout);
            if (n > 0) {
                MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, bytes, offset, n);
            }
            return n;
        } finally {
            stagingLock.unlock();
        }
    }

    @Override
    public long write(MemorySegment data, Duration timeout) {
        NativeSegments.require(data, "write", name);
        requireEnd(End.WRITE, "write");
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        long size = data.byteSize();
        long done = 0;
        guard.enter();
        try {
            while (done < size) {
                long n = pipe.write(done == 0 ? data : data.asSlice(done), WaitSlices.next(deadline));
                if (n > 0) {
                    done += n;
                    continue;
                }
                if (Deadline.expired(deadline)) {
                    break;
                }
                WaitSlices.checkInterrupt("write", name);
                guard.checkOpen();
            }
            return done;
        } finally {
            guard.exit();
        }
    }

    @Override
    public int write(byte[] bytes, int offset, int length, Duration timeout) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        stagingLock.lock();
        try {
            MemorySegment buf = staging();
            int done = 0;
            while (done < length) {
                int chunk = Math.min(length - done, STAGING_SIZE);
                MemorySegment.copy(bytes, offset + done, buf, ValueLayout.JAVA_BYTE, 0, chunk);
                long n = write(buf.asSlice(0, chunk), Duration.ofNanos(deadline.remainingNanos()));
                done += (int) n;
                if (n < chunk) {
                    break; // out of time
                }
            }
            return done;
        } finally {
            stagingLock.unlock();
        }
    }

    private MemorySegment staging() {
        guard.checkOpen();
        if (staging == null) {
            staging = arena.allocate(STAGING_SIZE);
        }
        return staging;
    }

    private void requireEnd(End expected, String operation) {
        if (end != expected) {
            throw new IllegalStateException(operation + " '" + name + "': this is the " + end.name().toLowerCase()
                    + " end of the pipe");
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            stagingLock.lock(); // a byte[] call between its native calls must not see the buffer freed
            try {
                arena.close();
            } finally {
                stagingLock.unlock();
            }
            pipe.close();
        }
    }

    @Override
    public String toString() {
        return "StreamPipe[" + name + ", " + end + (guard.isClosed() ? ", closed]" : "]");
    }
}
