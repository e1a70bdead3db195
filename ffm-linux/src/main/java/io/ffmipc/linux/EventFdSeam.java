package io.ffmipc.linux;

import io.ffmipc.EventMode;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixDescriptors;
import io.ffmipc.posix.PosixTokens;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.EventSeam;
import io.ffmipc.spi.NativeEvent;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Unnamed events on an {@code eventfd}: an unnamed kernel counter, handed to a child process by
 * descriptor inheritance (io.ffmipc.posix.PosixLauncherSeam). The descriptor is non-blocking; one wait attempt
 * is a {@code poll} for POLLIN of at most one slice, then a read that may find the counter already
 * taken by another process (the portable layer, {@code io.ffmipc.core.SeamEvent}, then waits again).
 */
final class EventFdSeam implements EventSeam {
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int EFD_SEMAPHORE = LibC.EFD_SEMAPHORE.intValue();
    private static final int POLLIN = LibC.POLLIN.intValue();
    private final PosixDescriptors descriptors = new PosixDescriptors(LibC.INSTANCE);

    /** A new eventfd with counter 0; close-on-exec, so only children it is handed to see it. */
    @Override
    public NativeEvent create(EventMode mode) {
        int flags = LibC.EFD_CLOEXEC.intValue() | LibC.EFD_NONBLOCK.intValue()
                | (mode == EventMode.SEMAPHORE ? EFD_SEMAPHORE : 0);
        MemorySegment st = NativeBinder.callState();
        int fd = LibC.eventfd(st, 0, flags);
        if (fd < 0) {
            throw Errno.exception("eventfd", null, LibC.INSTANCE.errno(st));
        }
        return new Counter(fd);
    }

    /**
     * In a child: the eventfd its parent handed over as {@code token} ({@code fd:N}). Checks that
     * the descriptor is open and is an eventfd, and that its mode is the one expected.
     */
    @Override
    public NativeEvent inherited(String token, EventMode mode) {
        int fd = PosixTokens.descriptor(token, "event");
        checkEventFd(token, fd, mode, "inherit event");
        return new Counter(fd);
    }

    /** An event on a copy of a descriptor another process passed (or this one inherited), checked like {@link #inherited}. */
    @Override
    public NativeEvent fromHandle(long handle, EventMode mode) {
        if (handle < 0 || handle > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("adopt event: not a file descriptor: " + handle);
        }
        int original = (int) handle;
        String label = "descriptor " + original;
        int copy = descriptors.duplicate(original, "adopt event", label);
        try {
            checkEventFd(label, copy, mode, "adopt event");
        } catch (RuntimeException e) {
            descriptors.closeQuietly(copy);
            throw e;
        }
        return new Counter(copy);
    }

    /** Checks that {@code fd} is an open eventfd of {@code mode}, and makes it non-blocking. */
    private static void checkEventFd(String token, int fd, EventMode mode, String operation) {
        Path link = Path.of("/proc/self/fd/" + fd);
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (NoSuchFileException e) {
            throw Errno.exception(operation, token, Errno.EBADF.intValue(),
                    "descriptor " + fd + " is not open in this process");
        } catch (IOException e) {
            throw new IpcException(operation, token, "cannot inspect descriptor " + fd + ": " + e);
        }
        if (!target.equals("anon_inode:[eventfd]")) {
            throw new IpcException(operation, token, "descriptor " + fd + " is not an eventfd but " + target);
        }
        checkModeAndFlags(token, fd, mode);
    }

    /** /proc/self/fdinfo shows the eventfd's semaphore flag (Linux 6.6+) and its file status flags. */
    private static void checkModeAndFlags(String token, int fd, EventMode mode) {
        List<String> info;
        try {
            info = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd));
        } catch (IOException e) {
            throw new IpcException("inherit event", token, "cannot read /proc/self/fdinfo/" + fd + ": " + e);
        }
        for (String line : info) {
            if (line.startsWith("eventfd-semaphore:")) {
                boolean semaphore = line.substring(line.indexOf(':') + 1).trim().equals("1");
                if (semaphore != (mode == EventMode.SEMAPHORE)) {
                    throw new IllegalArgumentException("event " + token + " is in "
                            + (semaphore ? "SEMAPHORE" : "COUNTER") + " mode, not " + mode);
                }
            }
        }
        // Our waits need O_NONBLOCK (a read racing another reader must not block); a foreign eventfd may lack it.
        MemorySegment st = NativeBinder.callState();
        int flags = LibC.INSTANCE.fcntl(st, fd, LibC.F_GETFL.intValue(), 0);
        if (flags < 0) {
            throw Errno.exception("fcntl", token, LibC.INSTANCE.errno(st));
        }
        int nonblock = LibC.O_NONBLOCK.intValue();
        if ((flags & nonblock) == 0 && LibC.INSTANCE.fcntl(st, fd, LibC.F_SETFL.intValue(), flags | nonblock) < 0) {
            throw Errno.exception("fcntl", token, LibC.INSTANCE.errno(st));
        }
    }

    /** An open eventfd. */
    private static final class Counter implements NativeEvent {
        private final int fd;
        private final String label;

        Counter(int fd) {
            this.fd = fd;
            this.label = "eventfd " + fd;
        }

        @Override
        public long handle() {
            return fd;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public void signal(long count) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment buf = NativeScratch.get().word;
            buf.set(ValueLayout.JAVA_LONG, 0, count);
            while (LibC.INSTANCE.write(st, fd, buf, 8) != 8) {
                int err = LibC.INSTANCE.errno(st);
                if (err == EAGAIN) {
                    // Non-blocking write: the counter would pass its maximum; refusing beats blocking a signaller.
                    throw new IpcLimitException("eventfd write", label, Errno.osError(err), "adding " + count
                            + " would exceed the eventfd maximum (" + Long.toUnsignedString(LibC.EVENTFD_MAX) + ")");
                }
                if (err != EINTR) {
                    throw Errno.exception("eventfd write", label, err);
                }
            }
        }

        @Override
        public long poll() {
            return readCounter(NativeBinder.callState(), NativeScratch.get().word);
        }

        @Override
        public long await(long nanos) {
            MemorySegment st = NativeBinder.callState();
            NativeScratch scratch = NativeScratch.get();
            MemorySegment pfd = scratch.small;
            pfd.set(ValueLayout.JAVA_INT, 0, fd);
            pfd.set(ValueLayout.JAVA_SHORT, 4, (short) POLLIN);
            pfd.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
            // Rounded up, so a poll never returns before the slice is over.
            int millis = (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999L) / 1_000_000L);
            int n = LibC.INSTANCE.poll(st, pfd, 1, millis);
            if (n < 0) {
                int err = LibC.INSTANCE.errno(st);
                if (err != EINTR) {
                    throw Errno.exception("poll", label, err);
                }
                return Attempt.INTERRUPTED;
            }
            if (n == 0) {
                return Attempt.TIMED_OUT;
            }
            long got = readCounter(st, scratch.word);
            return got > 0 ? got : Attempt.INTERRUPTED; // another reader was first
        }

        /** One non-blocking read: the signals consumed (1 in SEMAPHORE mode), 0 if there were none. */
        private long readCounter(MemorySegment st, MemorySegment buf) {
            while (true) {
                if (LibC.INSTANCE.read(st, fd, buf, 8) == 8) {
                    return buf.get(ValueLayout.JAVA_LONG, 0);
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == EAGAIN) {
                    return 0;
                }
                if (err != EINTR) {
                    throw Errno.exception("eventfd read", label, err);
                }
            }
        }

        @Override
        public void close() {
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.close(st, fd) != 0) {
                throw Errno.exception("close", label, LibC.INSTANCE.errno(st));
            }
        }
    }
}
