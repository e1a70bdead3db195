package io.ffmipc.linux;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcNames;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.spi.CloseGuard;
import io.ffmipc.spi.Deadline;
import io.ffmipc.spi.OpenOrCreate;
import io.ffmipc.spi.abi.NativeBinder;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A POSIX named semaphore ({@code sem_open}); glibc keeps it as the file
 * {@code /dev/shm/sem.<name>}. Timed waits use {@code sem_clockwait} on CLOCK_MONOTONIC, in slices
 * of at most 50 ms so that a Java interrupt or a concurrent {@link #close()} ends them.
 *
 * <p>Permissions are exact: sem_open applies the process umask, so after creating the semaphore
 * this class sets the file's mode to the requested bits. Between the two calls (microseconds) the
 * mode may be narrower than requested, never wider.
 */
public final class PosixSemaphore implements Semaphore {
    private static final int SEM_VALUE_MAX = LibC.SEM_VALUE_MAX.intValue();
    private static final int ETIMEDOUT = Errno.ETIMEDOUT.intValue();
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int EEXIST = Errno.EEXIST.intValue();
    private static final int ENOENT = Errno.ENOENT.intValue();
    private static final int EOVERFLOW = Errno.EOVERFLOW.intValue();
    private static final int CLOCK_MONOTONIC = LibC.CLOCK_MONOTONIC.intValue();
    private static final int CLOCK_REALTIME = LibC.CLOCK_REALTIME.intValue();
    /** The timed wait's name in errors: the call this C library gets. */
    private static final String TIMED_WAIT = LibC.GLIBC ? "sem_clockwait" : "sem_timedwait";

    private final String name;
    private final String posixName;
    private final Arena arena;
    private final MemorySegment sem;
    private final CloseGuard guard;

    private PosixSemaphore(String name, String posixName, MemorySegment sem) {
        this.name = name;
        this.posixName = posixName;
        this.arena = Arena.ofShared();
        // Bound to the arena: once close() ends it, any stray access fails instead of touching unmapped memory.
        this.sem = sem.reinterpret(LibC.SIZEOF_SEM_T.longValue(), arena, null);
        this.guard = new CloseGuard("semaphore", name);
    }

    /** Opens or creates {@code name}; {@code initialValue} applies only when this call creates it. */
    public static PosixSemaphore open(String name, OpenMode mode, int initialValue, Permissions permissions) {
        String posixName = IpcNames.posix(name);
        if (initialValue < 0) {
            throw new IllegalArgumentException("semaphore '" + name + "': initial value must not be negative, got "
                    + initialValue);
        }
        if (Integer.toUnsignedLong(initialValue) > SEM_VALUE_MAX) { // unreachable for int today; kept for the rule
            throw new IpcLimitException("sem_open", name, null,
                    "initial value " + initialValue + " exceeds SEM_VALUE_MAX (" + SEM_VALUE_MAX + ")");
        }
        if (mode == null || permissions == null) {
            throw new IllegalArgumentException("semaphore '" + name + "': open mode and permissions are required");
        }
        return switch (mode) {
            case CREATE -> createExclusive(name, posixName, initialValue, permissions);
            case OPEN -> openExisting(name, posixName);
            case OPEN_OR_CREATE -> OpenOrCreate.run("sem_open", name,
                    () -> createExclusive(name, posixName, initialValue, permissions),
                    () -> openExisting(name, posixName));
        };
    }

    /** O_CREAT|O_EXCL, so we know we created it and may fix its mode; EEXIST → IpcObjectExistsException. */
    private static PosixSemaphore createExclusive(String name, String posixName, int initialValue, Permissions permissions) {
        MemorySegment st = NativeBinder.callState();
        try (Arena a = Arena.ofConfined()) {
            int oflag = LibC.O_CREAT.intValue() | LibC.O_EXCL.intValue();
            MemorySegment s = LibC.semOpen(st, a.allocateFrom(posixName), oflag, permissions.mode(), initialValue);
            if (s.address() == LibC.SEM_FAILED.longValue()) {
                int err = LibC.errno(st);
                throw Errno.exception("sem_open", name, err,
                        err == EEXIST ? "a semaphore with this name exists (OpenMode.CREATE is exclusive)" : null);
            }
            setExactMode(name, posixName, permissions, s, st);
            return new PosixSemaphore(name, posixName, s);
        }
    }

    /** Opens an existing semaphore; ENOENT → NoSuchIpcObjectException. */
    private static PosixSemaphore openExisting(String name, String posixName) {
        MemorySegment st = NativeBinder.callState();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = LibC.semOpen(st, a.allocateFrom(posixName), 0, 0, 0);
            if (s.address() == LibC.SEM_FAILED.longValue()) {
                int err = LibC.errno(st);
                throw Errno.exception("sem_open", name, err,
                        err == ENOENT ? "no semaphore with this name (OpenMode.OPEN does not create)" : null);
            }
            return new PosixSemaphore(name, posixName, s);
        }
    }

    private static void setExactMode(String name, String posixName, Permissions permissions, MemorySegment s,
                                     MemorySegment st) {
        Path file = Path.of("/dev/shm", LibC.SEMAPHORE_FILE_PREFIX + posixName.substring(1));
        try {
            Files.setPosixFilePermissions(file, toSet(permissions.mode()));
        } catch (IOException | UnsupportedOperationException e) {
            LibC.semClose(st, s);
            LibC.semUnlink(st, Arena.ofAuto().allocateFrom(posixName));
            throw new IpcException("chmod", name, "cannot set mode " + permissions + " on " + file + ": " + e);
        }
    }

    static Set<PosixFilePermission> toSet(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    /** Removes the name {@code name}; {@code false} if there was no such semaphore. */
    public static boolean remove(String name) {
        return PosixUnlink.remove("sem_unlink", LibC::semUnlink, name, IpcNames.posix(name));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void acquire() {
        tryAcquire(Deadline.FOREVER);
    }

    @Override
    public boolean tryAcquire() {
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            while (true) {
                if (LibC.semTrywait(st, sem) == 0) {
                    return true;
                }
                int err = LibC.errno(st);
                if (err == EAGAIN) {
                    return false;
                }
                if (err != EINTR) {
                    throw Errno.exception("sem_trywait", name, err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public boolean tryAcquire(Duration timeout) {
        if (timeout == null) {
            throw new IllegalArgumentException("semaphore '" + name + "': timeout is required (use acquire() to wait without limit)");
        }
        return tryAcquire(Deadline.nanosAfter(timeout));
    }

    /**
     * One slice of a timed wait: glibc's {@code sem_clockwait} on CLOCK_MONOTONIC; under musl, which
     * lacks it, {@code sem_timedwait} on CLOCK_REALTIME (slices are short, so a clock step moves at
     * most one of them). 0 when acquired, else -1 with errno.
     */
    private int timedWait(MemorySegment st, MemorySegment ts, long deadline) {
        if (LibC.GLIBC) {
            AbsoluteTimeouts.nextSlice(st, CLOCK_MONOTONIC, ts, deadline, guard, TIMED_WAIT, name);
            return LibC.semClockwait(st, sem, CLOCK_MONOTONIC, ts);
        }
        AbsoluteTimeouts.nextSlice(st, CLOCK_REALTIME, ts, deadline, guard, TIMED_WAIT, name);
        return LibC.semTimedwait(st, sem, ts);
    }

    /** The wait loop; {@code deadline} is primitive ({@link Deadline#nanosAfter}) so it allocates nothing. */
    private boolean tryAcquire(long deadline) {
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            MemorySegment ts = NativeScratch.get().timespec;
            while (true) {
                if (timedWait(st, ts, deadline) == 0) {
                    return true;
                }
                int err = LibC.errno(st);
                if (err == ETIMEDOUT) {
                    if (Deadline.expired(deadline)) {
                        return false;
                    }
                } else if (err != EINTR) {
                    throw Errno.exception(TIMED_WAIT, name, err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public void release() {
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            if (LibC.semPost(st, sem) != 0) {
                int err = LibC.errno(st);
                throw Errno.exception("sem_post", name, err, err == EOVERFLOW
                        ? "the value is at SEM_VALUE_MAX (" + SEM_VALUE_MAX + ") and cannot grow" : null);
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public int value() {
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            MemorySegment out = NativeScratch.get().word;
            if (LibC.semGetvalue(st, sem, out) != 0) {
                throw Errno.exception("sem_getvalue", name, LibC.errno(st));
            }
            // Linux reports 0, never a negative waiter count, while processes wait.
            return out.get(ValueLayout.JAVA_INT, 0);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void unlink() {
        guard.enter();
        try {
            remove(name);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            MemorySegment st = NativeBinder.callState();
            int r = LibC.semClose(st, sem);
            arena.close();
            if (r != 0) {
                throw Errno.exception("sem_close", name, LibC.errno(st));
            }
        }
    }

    @Override
    public String toString() {
        return "PosixSemaphore[" + posixName + (guard.isClosed() ? ", closed]" : "]");
    }
}
