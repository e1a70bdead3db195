package io.ffmipc.linux;

import io.ffmipc.Inheritable;
import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.spi.OpenOrCreate;
import io.ffmipc.spi.SharedMemorySizes;
import io.ffmipc.spi.abi.NativeBinder;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Memory mapped from a file descriptor with {@code mmap(MAP_SHARED)}: POSIX shared memory
 * ({@code shm_open}, a file in {@code /dev/shm}) or a regular file ({@code open}). Both take the
 * same path: open or exclusively create the descriptor; on create size it ({@code ftruncate}), reserve its pages
 * ({@code posix_fallocate}) and set the exact permissions ({@code fchmod}, so the umask cannot narrow them); on open read its
 * size ({@code fstat}); map. The descriptor stays open until {@link #close()}: it is the
 * {@link #handle()} another process can be given (SCM_RIGHTS, inheritance) to map the same memory.
 */
final class PosixSharedMemory implements SharedMemory {
    private final Source source;
    private final long size;
    private final boolean created;
    private final NativeMapping mapping;
    private final int fd;
    private final AtomicBoolean fdClosed = new AtomicBoolean();
    /** Numbers this process's anonymous objects, for their labels in messages. */
    private static final AtomicLong ANONYMOUS = new AtomicLong();

    private PosixSharedMemory(Source source, long size, boolean created, NativeMapping mapping, int fd) {
        this.source = source;
        this.size = size;
        this.created = created;
        this.mapping = mapping;
        this.fd = fd;
    }

    /** Named POSIX shared memory, {@code /dev/shm/<name>}. */
    static PosixSharedMemory open(String name, OpenMode mode, long size, Permissions permissions, long limit) {
        Source source = new SharedMemoryObject(name, IpcNames.posix(name));
        SharedMemorySizes.checkRequest("open shared memory", name, Objects.requireNonNull(mode, "mode"), size, limit);
        return map(source, mode, size, Objects.requireNonNull(permissions, "permissions"));
    }

    /** A regular file mapped shared. */
    static PosixSharedMemory mapFile(Path file, OpenMode mode, long size, Permissions permissions) {
        Source source = new MappedFile(Objects.requireNonNull(file, "file"));
        SharedMemorySizes.checkRequest("map file", source.name(), Objects.requireNonNull(mode, "mode"), size,
                Long.MAX_VALUE);
        return map(source, mode, size, Objects.requireNonNull(permissions, "permissions"));
    }

    /**
     * Unnamed shared memory ({@code memfd_create}): it is in no namespace, so there is nothing to
     * remove and nothing a crash can leave behind; it lives while some process holds its descriptor
     * or a mapping, and other processes get it through {@link #handle()}. Once sized it is sealed
     * ({@code F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL}): no process it is handed to can truncate
     * it under our mapping, which would turn our next access into a SIGBUS that kills the JVM.
     */
    static PosixSharedMemory anonymous(long size, long limit) {
        String label = "anonymous-" + ProcessHandle.current().pid() + "-" + ANONYMOUS.incrementAndGet();
        String op = "create anonymous shared memory";
        SharedMemorySizes.checkRequest(op, label, OpenMode.CREATE, size, limit);
        MemorySegment st = NativeBinder.callState();
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            // The name only labels it in /proc/<pid>/fd ("/memfd:ffmipc-anonymous-… (deleted)").
            fd = LibC.memfdCreate(st, arena.allocateFrom("ffmipc-" + label),
                    LibC.MFD_CLOEXEC.intValue() | LibC.MFD_ALLOW_SEALING.intValue());
        }
        if (fd < 0) {
            throw Errno.exception("memfd_create", label, LibC.errno(st), "creating " + size + " bytes");
        }
        PosixSharedMemory memory = map(new Unnamed(label), new Descriptor(fd, true), size, Permissions.OWNER_ONLY);
        int seals = LibC.F_SEAL_SHRINK.intValue() | LibC.F_SEAL_GROW.intValue() | LibC.F_SEAL_SEAL.intValue();
        if (LibC.fcntl(st, fd, LibC.F_ADD_SEALS.intValue(), seals) != 0) {
            int errno = LibC.errno(st);
            memory.close();
            throw Errno.exception("fcntl", label, errno, "sealing its size (F_ADD_SEALS)");
        }
        return memory;
    }

    /** Removes a POSIX shared memory name; false if there was none. */
    static boolean remove(String name) {
        return new SharedMemoryObject(name, IpcNames.posix(name)).unlink();
    }

    private record Descriptor(int fd, boolean created) {
    }

    /**
     * Maps the whole object behind a descriptor another process passed (or this one inherited).
     * Works on a copy of it; the name, if any, is read from {@code /proc/self/fd}.
     */
    static PosixSharedMemory fromHandle(Inheritable handle) {
        int original = Descriptors.of(handle, "map shared memory from a handle");
        String label = "descriptor " + original;
        int copy = Descriptors.duplicate(original, "map shared memory from a handle", label);
        Source source;
        try {
            source = sourceOf(copy, label);
        } catch (RuntimeException e) {
            Descriptors.closeQuietly(copy);
            throw e;
        }
        return map(source, new Descriptor(copy, false), 0, Permissions.OWNER_ONLY);
    }

    /** What a descriptor refers to: a POSIX shm name, a file, or an object whose name is gone. */
    private static Source sourceOf(int fd, String label) {
        String target;
        try {
            target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException e) {
            throw new IpcException("map shared memory from a handle", label, null, "cannot inspect it: " + e);
        }
        String deleted = " (deleted)";
        if (target.endsWith(deleted) || !target.startsWith("/")) {
            return new Unnamed(target.endsWith(deleted) ? target.substring(0, target.length() - deleted.length()) : target);
        }
        String shmPrefix = "/dev/shm/";
        if (target.startsWith(shmPrefix) && target.indexOf('/', shmPrefix.length()) < 0) {
            String name = target.substring(shmPrefix.length());
            return new SharedMemoryObject(name, "/" + name);
        }
        return new MappedFile(Path.of(target));
    }

    private static PosixSharedMemory map(Source source, OpenMode mode, long size, Permissions permissions) {
        Descriptor d = switch (mode) {
            case CREATE -> create(source, permissions);
            case OPEN -> openExisting(source);
            case OPEN_OR_CREATE -> OpenOrCreate.run(source.openCall(), source.name(),
                    () -> create(source, permissions), () -> openExisting(source));
        };
        return map(source, d, size, permissions);
    }

    /** Sizes (if created) and maps an open descriptor; on failure closes it (and removes what it created). */
    private static PosixSharedMemory map(Source source, Descriptor d, long size, Permissions permissions) {
        MemorySegment st = NativeBinder.callState();
        try {
            long mapSize;
            if (d.created()) {
                if (LibC.fchmod(st, d.fd(), permissions.mode()) != 0) {
                    throw Errno.exception("fchmod", source.name(), LibC.errno(st), "setting mode " + permissions);
                }
                if (LibC.ftruncate(st, d.fd(), size) != 0) {
                    throw Errno.exception("ftruncate", source.name(), LibC.errno(st), "sizing to " + size + " bytes");
                }
                // Reserve the pages now: a sparse object on a full tmpfs or disk would otherwise
                // fail later with SIGBUS on first touch, which kills the JVM instead of throwing.
                int err = LibC.posixFallocate(d.fd(), 0, size);
                if (err != 0) {
                    throw Errno.exception("posix_fallocate", source.name(), err,
                            "reserving " + size + " bytes (the file system has no room for them)");
                }
                mapSize = size;
            } else {
                mapSize = SharedMemorySizes.sizeToMap(source.openCall(), source.name(), size, sizeOf(d.fd(), source));
            }
            MemorySegment address = LibC.mmap(st, MemorySegment.NULL, mapSize,
                    LibC.PROT_READ.intValue() | LibC.PROT_WRITE.intValue(), LibC.MAP_SHARED.intValue(), d.fd(), 0);
            if (LibC.failed(address)) {
                throw Errno.exception("mmap", source.name(), LibC.errno(st), "mapping " + mapSize + " bytes");
            }
            NativeMapping mapping = new NativeMapping(address, mapSize, unmapper(mapSize),
                    source.kind(), source.name());
            return new PosixSharedMemory(source, mapSize, d.created(), mapping, d.fd());
        } catch (RuntimeException e) {
            LibC.close(st, d.fd());
            if (d.created()) {
                source.unlink(); // do not leave a half-made object behind
            }
            throw e;
        }
    }

    private static Consumer<MemorySegment> unmapper(long size) {
        return address -> LibC.munmap(NativeBinder.callState(), address, size);
    }

    private static Descriptor create(Source source, Permissions permissions) {
        int flags = LibC.O_RDWR.intValue() | LibC.O_CREAT.intValue() | LibC.O_EXCL.intValue()
                | LibC.O_CLOEXEC.intValue();
        return new Descriptor(source.open(flags, permissions.mode(), "creating it"), true);
    }

    private static Descriptor openExisting(Source source) {
        return new Descriptor(source.open(LibC.O_RDWR.intValue() | LibC.O_CLOEXEC.intValue(), 0, "opening it"),
                false);
    }

    private static long sizeOf(int fd, Source source) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(LibC.STAT.layout());
            MemorySegment st = NativeBinder.callState();
            if (LibC.fstat(st, fd, buf) != 0) {
                throw Errno.exception("fstat", source.name(), LibC.errno(st));
            }
            int type = buf.get(JAVA_INT, LibC.STAT.offset("st_mode")) & LibC.S_IFMT.intValue();
            if (type != LibC.S_IFREG.intValue()) {
                throw new IpcException(source.openCall(), source.name(), null,
                        "not a regular file (file type 0" + Integer.toOctalString(type) + "), it cannot be mapped");
            }
            return buf.get(JAVA_LONG, LibC.STAT.offset("st_size"));
        }
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public MemorySegment segment() {
        return mapping.segment();
    }

    @Override
    public boolean created() {
        return created;
    }

    @Override
    public void unlink() {
        mapping.ensureOpen();
        source.unlink();
    }

    @Override
    public Optional<Inheritable> handle() {
        mapping.ensureOpen();
        return Optional.of(this::descriptor);
    }

    private long descriptor() {
        mapping.ensureOpen();
        return fd;
    }

    @Override
    public void close() {
        mapping.close();
        if (fdClosed.compareAndSet(false, true)) {
            Descriptors.close(fd, source.name());
        }
    }

    @Override
    public String toString() {
        return source.kind() + " '" + source.name() + "' (" + size + " bytes" + (mapping.isClosed() ? ", closed)" : ")");
    }

    /** Where the descriptor comes from: the POSIX shm namespace, the file system, or a handle with no name left. */
    private sealed interface Source permits SharedMemoryObject, MappedFile, Unnamed {
        String name();

        String kind();

        /** The C call that opens it, for messages. */
        String openCall();

        /** Opens a descriptor or throws the typed error; {@code action} says what was tried. */
        int open(int flags, int mode, String action);

        /** Removes the name; false if it was already gone. */
        boolean unlink();
    }

    private record SharedMemoryObject(String name, String osName) implements Source {
        @Override
        public String kind() {
            return "shared memory";
        }

        @Override
        public String openCall() {
            return "shm_open";
        }

        @Override
        public int open(int flags, int mode, String action) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment st = NativeBinder.callState();
                int fd = LibC.shmOpen(st, arena.allocateFrom(osName), flags, mode);
                if (fd < 0) {
                    int err = LibC.errno(st);
                    boolean missing = err == Errno.ENOENT.intValue() && (flags & LibC.O_CREAT.intValue()) == 0;
                    throw Errno.exception("shm_open", name, err,
                            missing ? IpcErrors.missingOnOpen("shared memory") : action + " as " + osName);
                }
                return fd;
            }
        }

        @Override
        public boolean unlink() {
            return PosixUnlink.remove("shm_unlink", LibC::shmUnlink, name, osName);
        }
    }

    /** Memory received as a descriptor whose name was removed (or never existed): nothing to open or unlink. */
    private record Unnamed(String name) implements Source {
        @Override
        public String kind() {
            return "shared memory";
        }

        @Override
        public String openCall() {
            return "mmap";
        }

        @Override
        public int open(int flags, int mode, String action) {
            throw new IllegalStateException(name + " has no name to open");
        }

        @Override
        public boolean unlink() {
            return false;
        }
    }

    private record MappedFile(Path file) implements Source {
        @Override
        public String name() {
            return file.toString();
        }

        @Override
        public String kind() {
            return "mapped file";
        }

        @Override
        public String openCall() {
            return "open";
        }

        @Override
        public int open(int flags, int mode, String action) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment st = NativeBinder.callState();
                int fd = LibC.open(st, arena.allocateFrom(file.toString()), flags, mode);
                if (fd < 0) {
                    throw Errno.exception("open", name(), LibC.errno(st), action);
                }
                return fd;
            }
        }

        @Override
        public boolean unlink() {
            try {
                return Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new IpcException("delete mapped file", name(), null, e.toString());
            }
        }
    }
}
