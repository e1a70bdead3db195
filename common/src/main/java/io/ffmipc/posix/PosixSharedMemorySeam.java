package io.ffmipc.posix;

import io.ffmipc.IpcException;
import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.NativeMemory;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.SharedMemorySeam;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared memory on a POSIX system: named objects ({@code shm_open}), regular files ({@code open}),
 * unnamed memory ({@link PosixLibrary#anonymousFile}) and descriptors handed over — all one path:
 * open or exclusively create a descriptor; on create set the exact mode where the umask narrowed it
 * ({@code fchmod}), size it ({@code ftruncate}) and reserve its pages ({@code posix_fallocate});
 * on open read type, owner and size from the descriptor ({@code fstat}); map with
 * {@code mmap(MAP_SHARED)}. Nothing follows a symbolic link. The descriptor stays open until the
 * portable layer closes it: it is the handle another process can be given.
 *
 * <p>macOS differs in three ways the layer allows for: its {@code shm_open} keeps the mode exactly
 * (no umask) and its {@code fchmod} refuses a shared memory descriptor (EINVAL: it is no vnode), so
 * the mode is changed only where it differs from the one asked; {@code fstat} shows no file type
 * for it ({@link PosixLibrary#sharedMemoryFileType}); and the size is rounded up to whole pages by
 * the one {@code ftruncate} allowed, so an opener sees the rounded size.
 */
public final class PosixSharedMemorySeam implements SharedMemorySeam {
    /** Numbers this process's unnamed objects, for their labels. */
    private static final AtomicLong ANONYMOUS = new AtomicLong();
    private final PosixLibrary lib;
    private final PosixDescriptors descriptors;
    private final long maxSize;
    private final int oRdwr;
    private final int oCreat;
    private final int oExcl;
    private final int oCloexec;
    private final int oNofollow;
    private final int sIfreg;
    private final int shmType;

    /** @param maxSize the largest object the system allows (the size of the file system behind POSIX shared memory) */
    public PosixSharedMemorySeam(PosixLibrary lib, long maxSize) {
        this.lib = lib;
        this.descriptors = new PosixDescriptors(lib);
        this.maxSize = maxSize;
        this.oRdwr = lib.constant("O_RDWR");
        this.oCreat = lib.constant("O_CREAT");
        this.oExcl = lib.constant("O_EXCL");
        this.oCloexec = lib.constant("O_CLOEXEC");
        this.oNofollow = lib.constant("O_NOFOLLOW");
        this.sIfreg = lib.constant("S_IFREG");
        this.shmType = lib.sharedMemoryFileType();
    }

    @Override
    public long maxSize() {
        return maxSize;
    }

    @Override
    public NativeMemory create(String name, long size, Permissions permissions) {
        String osName = lib.sharedMemoryName(name);
        int fd = shmOpen(name, osName, oRdwr | oCreat | oExcl | oCloexec | oNofollow, permissions.mode(), "creating it");
        return created(new Source.Named(name, osName), fd, size, permissions);
    }

    @Override
    public NativeMemory open(String name) {
        String osName = lib.sharedMemoryName(name);
        int fd = shmOpen(name, osName, oRdwr | oCloexec | oNofollow, 0, "opening it");
        return opened(new Source.Named(name, osName), fd, "shm_open");
    }

    @Override
    public boolean unlink(String name) {
        return new PosixUnlink(lib).remove("shm_unlink", lib::shmUnlink, name, lib.sharedMemoryName(name));
    }

    @Override
    public NativeMemory createFile(Path file, long size, Permissions permissions) {
        int fd = openFile(file, oRdwr | oCreat | oExcl | oCloexec | oNofollow, permissions.mode(), "creating it");
        return created(new Source.File(file), fd, size, permissions);
    }

    @Override
    public NativeMemory openFile(Path file) {
        int fd = openFile(file, oRdwr | oCloexec | oNofollow, 0, "opening it");
        return opened(new Source.File(file), fd, "open");
    }

    @Override
    public NativeMemory createAnonymous(String label, long size) {
        String name = label != null ? label : "anonymous-" + ProcessHandle.current().pid() + "-"
                + ANONYMOUS.incrementAndGet();
        MemorySegment st = NativeBinder.callState();
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            fd = lib.anonymousFile(st, arena.allocateFrom("ffmipc-" + name));
        }
        if (fd < 0) {
            throw lib.error("create anonymous shared memory", name, lib.errno(st), "creating " + size + " bytes");
        }
        Descriptor memory = created(new Source.Unnamed(name), fd, size, Permissions.OWNER_ONLY);
        // Seal the size: no process the descriptor reaches may truncate it under another's mapping,
        // which would turn that process's next access into a SIGBUS that kills its JVM.
        if (lib.sealSize(st, fd) != 0) {
            int errno = lib.errno(st);
            descriptors.closeQuietly(fd);
            throw lib.error("fcntl", name, errno, "sealing its size");
        }
        return memory;
    }

    @Override
    public NativeMemory fromHandle(long handle) {
        if (handle < 0 || handle > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("map shared memory from a handle: not a file descriptor: " + handle);
        }
        String label = "descriptor " + handle;
        int copy = descriptors.duplicate((int) handle, "map shared memory from a handle", label);
        Source source;
        try {
            source = sourceOf(copy, label);
        } catch (RuntimeException e) {
            descriptors.closeQuietly(copy);
            throw e;
        }
        return opened(source, copy, "mmap");
    }

    @Override
    public NativeMemory inherited(String token) {
        int fd = PosixTokens.descriptor(token, "shared memory");
        NativeMemory memory = fromHandle(fd); // works on a copy; fails before we own fd
        descriptors.closeQuietly(fd); // the inherited descriptor is ours, and the copy is what we keep
        return memory;
    }

    /** What a descriptor refers to: a POSIX shared memory name, a file, or an object whose name is gone. */
    private Source sourceOf(int fd, String label) {
        String path = lib.descriptorPath(fd);
        if (path == null) {
            return new Source.Unnamed(label);
        }
        String deleted = " (deleted)";
        if (path.endsWith(deleted) || !path.startsWith("/")) {
            return new Source.Unnamed(path.endsWith(deleted) ? path.substring(0, path.length() - deleted.length()) : path);
        }
        String shm = lib.sharedMemoryOfPath(path);
        if (shm != null) {
            return new Source.Named(shm, lib.sharedMemoryName(shm));
        }
        return new Source.File(Path.of(path));
    }

    private int shmOpen(String name, String osName, int flags, int mode, String action) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int fd = lib.shmOpen(st, arena.allocateFrom(osName), flags, mode);
            if (fd < 0) {
                throw lib.error("shm_open", name, lib.errno(st), action + " as " + osName);
            }
            return fd;
        }
    }

    private int openFile(Path file, int flags, int mode, String action) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int fd = lib.open(st, arena.allocateFrom(file.toString()), flags, mode);
            if (fd < 0) {
                throw lib.error("open", file.toString(), lib.errno(st), action);
            }
            return fd;
        }
    }

    /** Sets the exact mode, sizes and reserves a descriptor this attempt created; on failure closes it and removes the name. */
    private Descriptor created(Source source, int fd, long size, Permissions permissions) {
        MemorySegment st = NativeBinder.callState();
        try {
            FileStatus status = FileStatus.of(lib, fd, source.name());
            if (status.mode() != permissions.mode() && lib.fchmod(st, fd, permissions.mode()) != 0) {
                throw lib.error("fchmod", source.name(), lib.errno(st), "setting mode " + permissions);
            }
            if (lib.ftruncate(st, fd, size) != 0) {
                throw lib.error("ftruncate", source.name(), lib.errno(st), "sizing to " + size + " bytes");
            }
            // Reserve the pages now: a sparse object on a full tmpfs or disk would otherwise fail
            // later with SIGBUS on first touch, which kills the JVM instead of throwing.
            if (lib.has("posix_fallocate")) {
                int err = lib.posixFallocate(fd, 0, size);
                if (err != 0) {
                    throw lib.error("posix_fallocate", source.name(), err,
                            "reserving " + size + " bytes (the file system has no room for them)");
                }
            }
            return new Descriptor(source, fd, size, true, ObjectOwner.posix(status.uid()));
        } catch (RuntimeException e) {
            descriptors.closeQuietly(fd);
            source.unlink(this);
            throw e;
        }
    }

    /** Reads type, owner and size of a descriptor this attempt opened; closes it if it is not a regular file. */
    private Descriptor opened(Source source, int fd, String call) {
        try {
            FileStatus status = FileStatus.of(lib, fd, source.name());
            // A file must be a regular file; what shm_open or a handle gives may be shared memory,
            // which macOS shows with no file type.
            boolean file = source instanceof Source.File;
            if (status.type() != sIfreg && (file || status.type() != shmType)) {
                String expected = file || shmType == sIfreg ? "a regular file, it cannot be mapped"
                        : "shared memory or a regular file, it cannot be mapped";
                throw PosixDescriptors.wrongType(call, source.name(), expected, status.type());
            }
            return new Descriptor(source, fd, status.size(), false, ObjectOwner.posix(status.uid()));
        } catch (RuntimeException e) {
            descriptors.closeQuietly(fd);
            throw e;
        }
    }

    /** Where a descriptor came from, for messages and unlink. */
    private sealed interface Source {
        String name();

        String kind();

        boolean unlink(PosixSharedMemorySeam seam);

        record Named(String name, String osName) implements Source {
            @Override
            public String kind() {
                return "shared memory";
            }

            @Override
            public boolean unlink(PosixSharedMemorySeam seam) {
                return seam.unlink(name);
            }
        }

        record File(Path file) implements Source {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public String kind() {
                return "mapped file";
            }

            @Override
            public boolean unlink(PosixSharedMemorySeam seam) {
                try {
                    return Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new IpcException("delete mapped file", name(), null, e.toString());
                }
            }
        }

        /** Memory whose name is gone or never existed: nothing to unlink. */
        record Unnamed(String name) implements Source {
            @Override
            public String kind() {
                return "shared memory";
            }

            @Override
            public boolean unlink(PosixSharedMemorySeam seam) {
                return false;
            }
        }
    }

    /** An open descriptor of shared memory, not yet mapped. */
    private final class Descriptor implements NativeMemory {
        private final Source source;
        private final int fd;
        private final long size;
        private final boolean created;
        private final ObjectOwner owner;

        Descriptor(Source source, int fd, long size, boolean created, ObjectOwner owner) {
            this.source = source;
            this.fd = fd;
            this.size = size;
            this.created = created;
            this.owner = owner;
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public String kind() {
            return source.kind();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public boolean created() {
            return created;
        }

        @Override
        public ObjectOwner owner() {
            return owner;
        }

        @Override
        public OptionalLong handle() {
            return OptionalLong.of(fd);
        }

        @Override
        public MemorySegment map(long length) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment address = lib.mmap(st, MemorySegment.NULL, length,
                    lib.constant("PROT_READ") | lib.constant("PROT_WRITE"), lib.constant("MAP_SHARED"), fd, 0);
            if (lib.failed(address)) {
                throw lib.error("mmap", source.name(), lib.errno(st), "mapping " + length + " bytes");
            }
            return address;
        }

        @Override
        public void unmap(MemorySegment address, long length) {
            lib.munmap(NativeBinder.callState(), address, length);
        }

        @Override
        public void close() {
            descriptors.close(fd, source.name());
        }

        @Override
        public boolean unlink() {
            return source.unlink(PosixSharedMemorySeam.this);
        }
    }
}
