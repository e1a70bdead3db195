package io.ffmipc.posix;

import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.NativeSemaphore;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.SemaphoreSeam;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * POSIX named semaphores ({@code sem_open}), written once for every POSIX OS. Each method is one
 * attempt; the portable layer ({@code io.ffmipc.core.SeamSemaphore}) holds the open modes, the
 * owner check, deadlines cut into slices, interrupts and close guards.
 *
 * <p><b>Where the semaphore lives.</b> glibc keeps a named semaphore as a file
 * ({@link PosixLibrary#semaphoreFile}), created with the process umask applied. After creating one,
 * this seam opens the file without following a link and sets the exact mode with {@code fchmod}
 * (between the two calls the mode may be narrower than asked, never wider); after opening one it
 * reads the owner from that file with {@code fstat}. The file is found by its name, not through the
 * semaphore, but the shared-memory directory is sticky: only its owner can replace a file there,
 * so the file read is the semaphore's unless the name was removed meanwhile (then the owner read is
 * another's, and the open is refused — never wrongly accepted). macOS keeps no file: its
 * {@code sem_open} takes the mode exactly, and the kernel reports the owner
 * ({@link PosixLibrary#semaphoreOwner}).
 *
 * <p><b>Timed waits.</b> {@code sem_clockwait} on CLOCK_MONOTONIC (glibc), or one slice of
 * {@code sem_timedwait} on CLOCK_REALTIME where it is missing (musl), so a wall-clock step cannot
 * stretch or cut a slice. Where the OS has none (macOS has no {@code sem_timedwait} either),
 * {@link NativeSemaphore#timedWait()} is false and the portable layer polls {@code sem_trywait}.
 */
public final class PosixSemaphoreSeam implements SemaphoreSeam {
    private final PosixLibrary lib;
    private final AbsoluteTimeouts timeouts;
    private final PosixDescriptors descriptors;
    /** glibc's timed wait on CLOCK_MONOTONIC; without it (musl) sem_timedwait on CLOCK_REALTIME. */
    private final boolean clockwait;
    private final boolean timedWait;
    private final int clockRealtime;
    private final int maxValue;
    private final long semFailed;
    private final long semSize;
    private final int oCreat;
    private final int oExcl;
    private final int oRdonly;
    private final int oCloexec;
    private final int oNofollow;
    private final int sIfreg;
    private final int clockMonotonic;
    private final int eagain;
    private final int eintr;
    private final int etimedout;
    private final int eoverflow;
    private final int enosys;

    public PosixSemaphoreSeam(PosixLibrary lib) {
        this.lib = lib;
        this.timeouts = new AbsoluteTimeouts(lib);
        this.descriptors = new PosixDescriptors(lib);
        this.clockwait = lib.has("sem_clockwait");
        this.timedWait = clockwait || lib.has("sem_timedwait");
        this.clockRealtime = lib.constant("CLOCK_REALTIME");
        this.maxValue = lib.constant("SEM_VALUE_MAX");
        this.semFailed = lib.constant("SEM_FAILED"); // (sem_t *) 0 in glibc, (sem_t *) -1 on macOS
        this.semSize = lib.constant("sizeof(sem_t)");
        this.oCreat = lib.constant("O_CREAT");
        this.oExcl = lib.constant("O_EXCL");
        this.oRdonly = lib.constant("O_RDONLY");
        this.oCloexec = lib.constant("O_CLOEXEC");
        this.oNofollow = lib.constant("O_NOFOLLOW");
        this.sIfreg = lib.constant("S_IFREG");
        this.clockMonotonic = lib.constant("CLOCK_MONOTONIC");
        this.eagain = lib.constant("EAGAIN");
        this.eintr = lib.constant("EINTR");
        this.etimedout = lib.constant("ETIMEDOUT");
        this.eoverflow = lib.constant("EOVERFLOW");
        this.enosys = lib.constant("ENOSYS");
    }

    @Override
    public int maxValue() {
        return maxValue;
    }

    @Override
    public NativeSemaphore create(String name, int initialValue, Permissions permissions) {
        String osName = lib.semaphoreName(name);
        MemorySegment sem = semOpen(name, osName, oCreat | oExcl, permissions.mode(), initialValue, "creating it");
        try {
            String file = lib.semaphoreFile(osName);
            ObjectOwner owner = file != null ? fileOwner(name, file, permissions)
                    : ownerOf(lib.semaphoreOwner(sem));
            return new Handle(name, sem, owner);
        } catch (RuntimeException e) {
            lib.semClose(NativeBinder.callState(), sem);
            unlink(name); // leave nothing half-made behind
            throw e;
        }
    }

    @Override
    public NativeSemaphore open(String name) {
        String osName = lib.semaphoreName(name);
        MemorySegment sem = semOpen(name, osName, 0, 0, 0, "opening it");
        try {
            String file = lib.semaphoreFile(osName);
            ObjectOwner owner = file != null ? fileOwner(name, file, null) : ownerOf(lib.semaphoreOwner(sem));
            return new Handle(name, sem, owner);
        } catch (RuntimeException e) {
            lib.semClose(NativeBinder.callState(), sem);
            throw e;
        }
    }

    @Override
    public boolean unlink(String name) {
        return new PosixUnlink(lib).remove("sem_unlink", lib::semUnlink, name, lib.semaphoreName(name));
    }

    private MemorySegment semOpen(String name, String osName, int oflag, int mode, int value, String action) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment sem = lib.semOpen(st, arena.allocateFrom(osName), oflag, mode, value);
            if (sem.address() == semFailed) {
                throw lib.error("sem_open", name, lib.errno(st), action + " as " + osName);
            }
            return sem;
        }
    }

    /**
     * The owner of the semaphore's file, which must be a regular file; with {@code exactMode}
     * (after creating it) first sets the file's mode to exactly those permissions.
     */
    private ObjectOwner fileOwner(String name, String file, Permissions exactMode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int fd = lib.open(st, arena.allocateFrom(file), oRdonly | oCloexec | oNofollow, 0);
            if (fd < 0) {
                throw lib.error("open", name, lib.errno(st), "reading the semaphore's file " + file);
            }
            try {
                FileStatus status = FileStatus.of(lib, fd, name);
                if (status.type() != sIfreg) {
                    throw PosixDescriptors.wrongType("open", name, "a semaphore: " + file + " is not a regular file",
                            status.type());
                }
                if (exactMode != null && lib.fchmod(st, fd, exactMode.mode()) != 0) {
                    throw lib.error("fchmod", name, lib.errno(st), "setting mode " + exactMode + " on " + file);
                }
                return ObjectOwner.posix(status.uid());
            } finally {
                descriptors.closeQuietly(fd);
            }
        }
    }

    private static ObjectOwner ownerOf(long uid) {
        return uid < 0 ? null : ObjectOwner.posix(uid);
    }

    /** An open semaphore: the address {@code sem_open} returned, bound to an arena that {@link #close} ends. */
    private final class Handle implements NativeSemaphore {
        private final String name;
        private final Arena arena = Arena.ofShared();
        private final MemorySegment sem;
        private final ObjectOwner owner;

        Handle(String name, MemorySegment sem, ObjectOwner owner) {
            this.name = name;
            // Bound to the arena: once close() ends it, any stray use fails instead of touching unmapped memory.
            this.sem = sem.reinterpret(semSize, arena, null);
            this.owner = owner;
        }

        @Override
        public ObjectOwner owner() {
            return owner;
        }

        @Override
        public boolean tryAcquire() {
            MemorySegment st = NativeBinder.callState();
            if (lib.semTrywait(st, sem) == 0) {
                return true;
            }
            int err = lib.errno(st);
            if (err == eagain || err == eintr) {
                return false;
            }
            throw lib.error("sem_trywait", name, err, null);
        }

        @Override
        public int acquire(long nanos) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment ts = PosixScratch.get().timespec;
            // One slice (the portable layer's deadline cuts them short), so a wall-clock step under
            // sem_timedwait's CLOCK_REALTIME can lengthen or shorten one slice, never the whole wait.
            int r;
            if (clockwait) {
                timeouts.fromNow(st, clockMonotonic, ts, nanos, name);
                r = lib.semClockwait(st, sem, clockMonotonic, ts);
            } else {
                timeouts.fromNow(st, clockRealtime, ts, nanos, name);
                r = lib.semTimedwait(st, sem, ts);
            }
            if (r == 0) {
                return Attempt.DONE;
            }
            int err = lib.errno(st);
            if (err == etimedout) {
                return Attempt.TIMED_OUT;
            }
            if (err == eintr) {
                return Attempt.INTERRUPTED;
            }
            throw lib.error(clockwait ? "sem_clockwait" : "sem_timedwait", name, err, null);
        }

        @Override
        public boolean timedWait() {
            return timedWait;
        }

        @Override
        public void release() {
            MemorySegment st = NativeBinder.callState();
            if (lib.semPost(st, sem) != 0) {
                int err = lib.errno(st);
                throw lib.error("sem_post", name, err, err == eoverflow
                        ? "the value is at SEM_VALUE_MAX (" + maxValue + ") and cannot grow" : null);
            }
        }

        @Override
        public int value() {
            MemorySegment st = NativeBinder.callState();
            MemorySegment out = PosixScratch.get().word;
            if (lib.semGetvalue(st, sem, out) != 0) {
                int err = lib.errno(st);
                if (err == enosys) {
                    return -1; // macOS: sem_getvalue is a stub
                }
                throw lib.error("sem_getvalue", name, err, null);
            }
            // POSIX lets an OS report waiters as a negative value; Linux reports 0. Either way no unit is free.
            return Math.max(0, out.get(ValueLayout.JAVA_INT, 0));
        }

        @Override
        public void close() {
            MemorySegment st = NativeBinder.callState();
            int r = lib.semClose(st, sem);
            int err = r != 0 ? lib.errno(st) : 0;
            arena.close();
            if (r != 0) {
                throw lib.error("sem_close", name, err, null);
            }
        }
    }
}
