package io.ffmipc.posix;

import io.ffmipc.IpcException;
import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.NativeStreamPipe;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.StreamPipeSeam;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Byte-stream pipes on a POSIX system: FIFOs ({@code mkfifo}) in one directory every process sees.
 * Both ends are opened {@code O_NONBLOCK}: a blocking FIFO open would wait, without a timeout, for
 * the other side. The read end opens at once; the write end gets ENXIO until a reader exists
 * ({@link #tryOpenWrite} returns null). Opens never follow a symbolic link ({@code O_NOFOLLOW}) and
 * check with {@code fstat} on the descriptor that it is a FIFO, whose owner they report.
 *
 * <p>Reads poll for data first: a non-blocking read of a FIFO with no writer returns 0 even before
 * any writer came, while poll reports POLLHUP only once a writer came and went, so the end of the
 * stream is reported only then. Writes ask for EPIPE, not SIGPIPE: the JVM ignores SIGPIPE.
 */
public final class PosixStreamPipeSeam implements StreamPipeSeam {
    private final PosixLibrary lib;
    private final Path directory;
    private final PosixDescriptors descriptors;
    private final PosixPoll poll;
    private final int eagain;
    private final int eintr;
    private final int enxio;
    private final int epipe;
    private final int sIfmt;
    private final int sIfifo;
    private final int readFlags;
    private final int writeFlags;

    /** @param directory where FIFOs live: the same directory for every process, so names meet ({@code /tmp}) */
    public PosixStreamPipeSeam(PosixLibrary lib, Path directory) {
        this.lib = lib;
        this.directory = directory;
        this.descriptors = new PosixDescriptors(lib);
        this.poll = new PosixPoll(lib);
        this.eagain = lib.constant("EAGAIN");
        this.eintr = lib.constant("EINTR");
        this.enxio = lib.constant("ENXIO");
        this.epipe = lib.constant("EPIPE");
        this.sIfmt = lib.constant("S_IFMT");
        this.sIfifo = lib.constant("S_IFIFO");
        int common = lib.constant("O_NONBLOCK") | lib.constant("O_CLOEXEC") | lib.constant("O_NOFOLLOW");
        this.readFlags = lib.constant("O_RDONLY") | common;
        this.writeFlags = lib.constant("O_WRONLY") | common;
    }

    private Path pathOf(String name) {
        return directory.resolve(name);
    }

    @Override
    public String location(String name) {
        return pathOf(name).toString();
    }

    /** mkfifo, then chmod to the exact mode (mkfifo's mode is narrowed by the umask). */
    @Override
    public void create(String name, Permissions permissions) {
        Path path = pathOf(name);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(path.toString());
            MemorySegment st = NativeBinder.callState();
            if (lib.mkfifo(st, p, permissions.mode()) != 0) {
                throw lib.error("mkfifo", name, lib.errno(st), "creating " + path);
            }
            if (lib.chmod(st, p, permissions.mode()) != 0) {
                int err = lib.errno(st);
                lib.unlink(st, p);
                throw lib.error("chmod", name, err, "setting mode " + permissions + " on " + path);
            }
        }
    }

    @Override
    public boolean remove(String name) {
        Path path = pathOf(name);
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & sIfmt) != sIfifo) {
                throw PosixDescriptors.wrongType("remove stream pipe", name, "a FIFO: " + path, mode & sIfmt);
            }
            Files.delete(path);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            throw new IpcException("remove stream pipe", name, null, path + ": " + e);
        }
    }

    @Override
    public NativeStreamPipe openRead(String name) {
        return open(name, readFlags, "read");
    }

    @Override
    public NativeStreamPipe tryOpenWrite(String name) {
        return open(name, writeFlags, "write");
    }

    /** One open (EINTR retried); null for the write end while no reader exists (ENXIO). */
    private NativeStreamPipe open(String name, int flags, String end) {
        Path path = pathOf(name);
        int fd;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(path.toString());
            MemorySegment st = NativeBinder.callState();
            while ((fd = lib.open(st, p, flags, 0)) < 0) {
                int err = lib.errno(st);
                if (err == enxio && flags == writeFlags) {
                    return null; // no reader yet: a FIFO's write end cannot open without one
                }
                if (err != eintr) {
                    throw lib.error("open", name, err, "opening the " + end + " end of " + path);
                }
            }
        }
        try {
            FileStatus status = FileStatus.of(lib, fd, name);
            if (status.type() != sIfifo) {
                throw PosixDescriptors.wrongType("open stream pipe", name, "a FIFO: " + path, status.type());
            }
            return new Fifo(fd, name, ObjectOwner.posix(status.uid()));
        } catch (RuntimeException e) {
            descriptors.closeQuietly(fd);
            throw e;
        }
    }

    /** An open, non-blocking end of a FIFO. */
    private final class Fifo implements NativeStreamPipe {
        private final int fd;
        private final String name;
        private final ObjectOwner owner;

        Fifo(int fd, String name, ObjectOwner owner) {
            this.fd = fd;
            this.name = name;
            this.owner = owner;
        }

        @Override
        public ObjectOwner owner() {
            return owner;
        }

        @Override
        public long read(MemorySegment buffer, long nanos) {
            int revents = poll.await(fd, poll.in, nanos, name);
            if (revents < 0) {
                return revents; // TIMED_OUT or INTERRUPTED
            }
            MemorySegment st = NativeBinder.callState();
            long n = lib.read(st, fd, buffer, buffer.byteSize());
            if (n > 0) {
                return n;
            }
            if (n == 0) {
                return END_OF_STREAM; // POLLHUP and nothing left: every writer has gone
            }
            int err = lib.errno(st);
            if (err != eagain && err != eintr) {
                throw lib.error("read", name, err, null);
            }
            return Attempt.INTERRUPTED;
        }

        @Override
        public long write(MemorySegment data, long nanos) {
            MemorySegment st = NativeBinder.callState();
            long n = lib.write(st, fd, data, data.byteSize());
            if (n > 0) {
                return n;
            }
            int err = lib.errno(st);
            if (err == eagain) {
                // POLLERR means the reader went away; the write after it reports that as EPIPE.
                int revents = poll.await(fd, poll.out, nanos, name);
                if (revents < 0) {
                    return revents;
                }
                n = lib.write(st, fd, data, data.byteSize());
                if (n > 0) {
                    return n;
                }
                err = lib.errno(st);
            }
            if (err == eagain || err == eintr) {
                return Attempt.INTERRUPTED;
            }
            throw lib.error("write", name, err, err == epipe ? "the reader closed the pipe" : null);
        }

        @Override
        public void close() {
            descriptors.close(fd, name);
        }
    }
}
