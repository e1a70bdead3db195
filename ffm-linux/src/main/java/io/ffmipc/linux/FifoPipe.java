package io.ffmipc.linux;

import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcTimeoutException;
import io.ffmipc.Permissions;
import io.ffmipc.StreamPipe;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Durations;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link StreamPipe} end on a FIFO ({@code mkfifo}) at {@code /tmp/<name>}. Both ends are opened
 * {@code O_NONBLOCK}: a blocking FIFO open would wait, without a timeout, for the other side. The
 * read end opens at once; the write end gets ENXIO until a reader exists and retries until its
 * deadline. Reads poll for data first: a non-blocking read of a FIFO with no writer returns 0 even
 * before any writer came, while poll reports POLLHUP only once a writer came and went, so -1 (end
 * of stream) is reported only then. Writes ask for EPIPE, not SIGPIPE: the JVM ignores SIGPIPE.
 */
final class FifoPipe implements StreamPipe {
    /** Where FIFOs live: the same directory for every process, so names meet. */
    static final Path DIRECTORY = Path.of("/tmp");
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int ENXIO = Errno.ENXIO.intValue();
    /** Pause between attempts to open the write end while no reader is there. */
    private static final long OPEN_RETRY_MILLIS = 5;
    /** Bytes the byte[] forms copy through per native call. */
    private static final int STAGING_SIZE = 64 * 1024;

    private final String name;
    private final End end;
    private final int fd;
    private final String label;
    private final CloseGuard guard;
    private final Arena arena = Arena.ofShared();
    private final ReentrantLock stagingLock = new ReentrantLock();
    private MemorySegment staging;

    private FifoPipe(String name, End end, int fd) {
        this.name = name;
        this.end = end;
        this.fd = fd;
        this.label = name;
        this.guard = new CloseGuard("stream pipe " + end.name().toLowerCase() + " end", name);
    }

    static Path pathOf(String name) {
        return DIRECTORY.resolve(IpcNames.validate(name));
    }

    /** mkfifo, then chmod to the exact mode (mkfifo's mode is narrowed by the umask). */
    static void create(String name, Permissions permissions) {
        Objects.requireNonNull(permissions, "permissions");
        Path path = pathOf(name);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(path.toString());
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.mkfifo(st, p, permissions.mode()) != 0) {
                throw Errno.exception("mkfifo", name, LibC.INSTANCE.errno(st), "creating " + path);
            }
            if (LibC.INSTANCE.chmod(st, p, permissions.mode()) != 0) {
                int err = LibC.INSTANCE.errno(st);
                LibC.INSTANCE.unlink(st, p);
                throw Errno.exception("chmod", name, err, "setting mode " + permissions + " on " + path);
            }
        }
    }

    /** Removes the FIFO's name; false if there is none. Refuses to remove anything that is not a FIFO. */
    static boolean remove(String name) {
        Path path = pathOf(name);
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & LibC.S_IFMT.intValue()) != LibC.S_IFIFO.intValue()) {
                throw Descriptors.wrongType("remove stream pipe", name, "a FIFO: " + path, mode & LibC.S_IFMT.intValue());
            }
            Files.delete(path);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            throw new IpcException("remove stream pipe", name, null, path + ": " + e);
        }
    }

    static FifoPipe open(String name, End end, Duration timeout) {
        Objects.requireNonNull(end, "end");
        Path path = pathOf(name);
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        int flags = (end == End.READ ? LibC.O_RDONLY.intValue() : LibC.O_WRONLY.intValue())
                | LibC.O_NONBLOCK.intValue() | LibC.O_CLOEXEC.intValue() | LibC.O_NOFOLLOW.intValue();
        int fd;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(path.toString());
            MemorySegment st = NativeBinder.callState();
            while ((fd = LibC.INSTANCE.open(st, p, flags, 0)) < 0) {
                int err = LibC.INSTANCE.errno(st);
                if (err == ENXIO && end == End.WRITE) {
                    // No reader yet: a FIFO's write end cannot open without one.
                    if (deadline.expired()) {
                        throw new IpcTimeoutException("open", name, Errno.osError(err),
                                "no reader opened " + path + " within " + Durations.format(timeout));
                    }
                    WaitSlices.checkInterrupt("open stream pipe", name);
                    Descriptors.pause(Math.min(OPEN_RETRY_MILLIS, Math.max(1, deadline.remainingNanos() / 1_000_000)),
                            "open stream pipe", name);
                } else if (err != EINTR) {
                    throw Errno.exception("open", name, err, "opening the " + end.name().toLowerCase() + " end of " + path);
                }
            }
        }
        int type = Descriptors.fileType(fd, "open stream pipe", name);
        if (type != LibC.S_IFIFO.intValue()) {
            Descriptors.closeQuietly(fd);
            throw Descriptors.wrongType("open stream pipe", name, "a FIFO: " + path, type);
        }
        return new FifoPipe(name, end, fd);
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
        Descriptors.requireNative(buffer, "read", label);
        requireEnd(End.READ, "read");
        if (buffer.byteSize() == 0) {
            throw new IllegalArgumentException("read '" + label + "': the buffer is empty");
        }
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            while (true) {
                int revents = DescriptorWait.slice(fd, DescriptorWait.POLLIN, deadline, guard, "read", label);
                if (revents != 0) {
                    long n = LibC.INSTANCE.read(st, fd, buffer, buffer.byteSize());
                    if (n > 0) {
                        return n;
                    }
                    if (n == 0) {
                        return -1; // POLLHUP and nothing left: every writer has gone
                    }
                    int err = LibC.INSTANCE.errno(st);
                    if (err != EAGAIN && err != EINTR) {
                        throw Errno.exception("read", label, err);
                    }
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
        Descriptors.requireNative(data, "write", label);
        requireEnd(End.WRITE, "write");
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        long size = data.byteSize();
        long done = 0;
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            while (done < size) {
                MemorySegment rest = done == 0 ? data : data.asSlice(done);
                long n = LibC.INSTANCE.write(st, fd, rest, size - done);
                if (n > 0) {
                    done += n;
                    continue;
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == EAGAIN) {
                    if (Deadline.expired(deadline)) {
                        break;
                    }
                    // POLLERR means the reader went away; the next write reports it as EPIPE.
                    DescriptorWait.slice(fd, DescriptorWait.POLLOUT, deadline, guard, "write", label);
                } else if (err != EINTR) {
                    throw Errno.exception("write", label, err,
                            err == Errno.EPIPE.intValue() ? "the reader closed the pipe" : null);
                }
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
            throw new IllegalStateException(operation + " '" + label + "': this is the " + end.name().toLowerCase()
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
            Descriptors.close(fd, label);
        }
    }

    @Override
    public String toString() {
        return "FifoPipe[" + name + ", " + end + (guard.isClosed() ? ", closed]" : "]");
    }
}
