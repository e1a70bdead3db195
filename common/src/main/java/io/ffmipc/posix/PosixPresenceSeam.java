package io.ffmipc.posix;

import io.ffmipc.SharedMemory;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.PresenceSeam;
import io.ffmipc.spi.PresenceSlots;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.Optional;

/**
 * Presence by open-file-description locks ({@link PresenceSeam}): slot {@code i} of a shared memory
 * object is a write lock on byte {@code i} of the descriptor the handle opened it with, set with
 * {@code fcntl(F_OFD_SETLK)} and asked about with {@code fcntl(F_OFD_GETLK)}. The lock belongs to
 * the open file description, so the kernel drops it when the last descriptor of that description
 * closes: the handle's own close or its process's death (descriptors are close-on-exec, so no
 * spawned child keeps one). Two handles in one process have two descriptions, and their locks
 * conflict like any other two handles'. Locks past the end of the object are allowed, so slots
 * cost no memory.
 *
 * <p>Offered where the binding declares the two commands and the kernel accepts them
 * ({@link #ifSupported}); Linux before 3.15 answers {@code EINVAL}, macOS has no such commands.
 */
public final class PosixPresenceSeam implements PresenceSeam {
    private final PosixLibrary lib;
    private final int getlk;
    private final int setlk;
    private final int wrlck;
    private final int unlck;
    private final int seekSet;
    private final int eintr;
    private final int eagain;
    private final int eacces;
    private final CStruct flock;

    private PosixPresenceSeam(PosixLibrary lib) {
        this.lib = lib;
        this.getlk = lib.constant("F_OFD_GETLK");
        this.setlk = lib.constant("F_OFD_SETLK");
        this.wrlck = lib.constant("F_WRLCK");
        this.unlck = lib.constant("F_UNLCK");
        this.seekSet = lib.constant("SEEK_SET");
        this.eintr = lib.constant("EINTR");
        this.eagain = lib.constant("EAGAIN");
        this.eacces = lib.constant("EACCES");
        this.flock = lib.struct("struct flock");
    }

    /**
     * The seam, or empty where the binding declares no open-file-description locks or the kernel
     * refuses them: one {@code F_OFD_GETLK} on a fresh unnamed object tells (a kernel without them
     * fails it with {@code EINVAL}).
     */
    public static Optional<PresenceSeam> ifSupported(PosixLibrary lib) {
        if (!lib.hasConstant("F_OFD_GETLK") || !lib.hasConstant("F_OFD_SETLK")) {
            return Optional.empty();
        }
        PosixPresenceSeam seam = new PosixPresenceSeam(lib);
        MemorySegment st = NativeBinder.callState();
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            fd = lib.anonymousFile(st, arena.allocateFrom("ffmipc-presence-probe"));
        }
        if (fd < 0) {
            throw lib.error("create anonymous shared memory", "presence probe", lib.errno(st),
                    "probing for open-file-description locks");
        }
        try {
            return seam.probe(fd) ? Optional.of(seam) : Optional.empty();
        } finally {
            new PosixDescriptors(lib).closeQuietly(fd);
        }
    }

    /** Whether the kernel accepts {@code F_OFD_GETLK} on {@code fd}. */
    private boolean probe(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment request = request(arena, wrlck, 0);
            return lib.fcntl(NativeBinder.callState(), fd, getlk, request) == 0;
        }
    }

    @Override
    public PresenceSlots slots(SharedMemory memory) {
        Objects.requireNonNull(memory, "memory");
        long fd = memory.handle().orElseThrow(() -> new IllegalArgumentException(memory
                + " has no descriptor to lock: presence needs named or file-backed shared memory")).osHandle();
        return new Slots((int) fd, memory.name());
    }

    /** A {@code struct flock} for one byte at {@code slot}, zeroed elsewhere (OFD commands require l_pid 0). */
    private MemorySegment request(Arena arena, int type, long slot) {
        MemorySegment request = arena.allocate(flock.layout());
        PosixStructs.set(request, flock, "l_type", type);
        PosixStructs.set(request, flock, "l_whence", seekSet);
        PosixStructs.set(request, flock, "l_start", slot);
        PosixStructs.set(request, flock, "l_len", 1);
        return request;
    }

    private static void check(long slot) {
        if (slot < 0 || slot > PresenceSlots.MAX_SLOT) {
            throw new IllegalArgumentException("presence slot " + slot + " is outside 0.." + PresenceSlots.MAX_SLOT);
        }
    }

    /** The slots of one object through one descriptor. */
    private final class Slots implements PresenceSlots {
        private final int fd;
        private final String name;

        Slots(int fd, String name) {
            this.fd = fd;
            this.name = name;
        }

        @Override
        public boolean tryHold(long slot) {
            check(slot);
            try (Arena arena = Arena.ofConfined()) {
                int errno = fcntl(setlk, request(arena, wrlck, slot));
                if (errno == eagain || errno == eacces) { // POSIX allows either for "held by another"
                    return false;
                }
                if (errno != 0) {
                    throw lib.error("fcntl(F_OFD_SETLK)", name, errno, "holding presence slot " + slot);
                }
                return true;
            }
        }

        @Override
        public void release(long slot) {
            check(slot);
            try (Arena arena = Arena.ofConfined()) {
                int errno = fcntl(setlk, request(arena, unlck, slot));
                if (errno != 0) {
                    throw lib.error("fcntl(F_OFD_SETLK)", name, errno, "releasing presence slot " + slot);
                }
            }
        }

        @Override
        public boolean heldByAnother(long slot) {
            check(slot);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment request = request(arena, wrlck, slot);
                int errno = fcntl(getlk, request);
                if (errno != 0) {
                    throw lib.error("fcntl(F_OFD_GETLK)", name, errno, "asking who holds presence slot " + slot);
                }
                // F_UNLCK back: nothing conflicts (a lock of this descriptor's own never does).
                return PosixStructs.get(request, flock, "l_type") != unlck;
            }
        }

        /** {@code fcntl(cmd, request)} on this descriptor, again after EINTR: 0, or the errno it failed with. */
        private int fcntl(int cmd, MemorySegment request) {
            MemorySegment st = NativeBinder.callState();
            while (lib.fcntl(st, fd, cmd, request) != 0) {
                int errno = lib.errno(st);
                if (errno != eintr) {
                    return errno;
                }
            }
            return 0;
        }

        @Override
        public String toString() {
            return "presence slots of '" + name + "' (descriptor " + fd + ")";
        }
    }
}
