package io.ffmipc.linux;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Inheritable;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An {@link Event} on an {@code eventfd}: an unnamed kernel counter, handed to a child process by
 * descriptor inheritance (io.ffmipc.posix.PosixLauncherSeam). The descriptor is non-blocking; waiting is a
 * {@code poll} for POLLIN in slices of at most 50 ms (interrupts and close are noticed between
 * slices), then a read that may find the counter already taken by another process and wait again.
 */
public final class EventFd implements Event {
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int EFD_SEMAPHORE = LibC.EFD_SEMAPHORE.intValue();
    private static final int POLLIN = LibC.POLLIN.intValue();

    private final int fd;
    private final EventMode mode;
    private final String label;
    private final CloseGuard guard;

    private EventFd(int fd, EventMode mode) {
        this.fd = fd;
        this.mode = mode;
        this.label = "eventfd " + fd;
        this.guard = new CloseGuard("event", label);
    }

    /** A new eventfd with counter 0; close-on-exec, so only children it is handed to see it. */
    public static EventFd create(EventMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("event mode is required (COUNTER or SEMAPHORE)");
        }
        int flags = LibC.EFD_CLOEXEC.intValue() | LibC.EFD_NONBLOCK.intValue()
                | (mode == EventMode.SEMAPHORE ? EFD_SEMAPHORE : 0);
        MemorySegment st = NativeBinder.callState();
        int fd = LibC.eventfd(st, 0, flags);
        if (fd < 0) {
            throw Errno.exception("eventfd", null, LibC.INSTANCE.errno(st));
        }
        return new EventFd(fd, mode);
    }

    /**
     * In a child: the eventfd its parent handed over as {@code token} ({@code fd:N}). Checks that
     * the descriptor is open and is an eventfd, and that its mode is the one expected.
     */
    public static EventFd inherited(String token, EventMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("event mode is required (COUNTER or SEMAPHORE)");
        }
        int fd = Descriptors.parseToken(token, "event");
        checkEventFd(token, fd, mode, "inherit event");
        return new EventFd(fd, mode);
    }

    /**
     * An event on a copy of a descriptor another process passed (or this one inherited); the
     * caller keeps and closes its own. Checked like {@link #inherited}.
     */
    public static EventFd adopt(Inheritable handle, EventMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("event mode is required (COUNTER or SEMAPHORE)");
        }
        int original = Descriptors.of(handle, "adopt event");
        String label = "descriptor " + original;
        int copy = Descriptors.duplicate(original, "adopt event", label);
        try {
            checkEventFd(label, copy, mode, "adopt event");
        } catch (RuntimeException e) {
            Descriptors.closeQuietly(copy);
            throw e;
        }
        return new EventFd(copy, mode);
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

    @Override
    public EventMode mode() {
        return mode;
    }

    @Override
    public long osHandle() {
        guard.checkOpen();
        return fd;
    }

    @Override
    public void signal() {
        signal(1);
    }

    @Override
    public void signal(long count) {
        if (count < 1) {
            throw new IllegalArgumentException(label + ": signal count must be at least 1, got " + count);
        }
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            MemorySegment buf = NativeScratch.get().word;
            buf.set(ValueLayout.JAVA_LONG, 0, count);
            while (LibC.INSTANCE.write(st, fd, buf, 8) != 8) {
                int err = LibC.INSTANCE.errno(st);
                if (err == EAGAIN) {
                    // Non-blocking write: the counter would pass its maximum; refusing beats blocking a signaller.
                    throw new IpcLimitException("eventfd write", label, Errno.osError(err),
                            "adding " + count + " would exceed the eventfd maximum (" + Long.toUnsignedString(LibC.EVENTFD_MAX) + ")");
                }
                if (err != EINTR) {
                    throw Errno.exception("eventfd write", label, err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public long await(Duration timeout) {
        if (timeout == null) {
            throw new IllegalArgumentException(label + ": timeout is required");
        }
        long deadline = Deadline.nanosAfter(timeout); // primitive: the wait allocates nothing
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            MemorySegment word = NativeScratch.get().word;
            while (true) {
                // Checked before each read too (the slice checks again before polling): an interrupted
                // or closed waiter gets the exception, not a signal that arrived meanwhile.
                WaitSlices.checkInterrupt("eventfd wait", label);
                guard.checkOpen();
                long got = readCounter(st, word);
                if (got > 0) {
                    return got;
                }
                if (Deadline.expired(deadline)) {
                    return 0;
                }
                DescriptorWait.slice(fd, POLLIN, deadline, guard, "eventfd wait", label);
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public long poll() {
        guard.enter();
        try {
            return readCounter(NativeBinder.callState(), NativeScratch.get().word);
        } finally {
            guard.exit();
        }
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
        if (guard.close()) {
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.close(st, fd) != 0) {
                throw Errno.exception("close", label, LibC.INSTANCE.errno(st));
            }
        }
    }

    @Override
    public String toString() {
        return "EventFd[" + fd + ", " + mode + (guard.isClosed() ? ", closed]" : "]");
    }
}
