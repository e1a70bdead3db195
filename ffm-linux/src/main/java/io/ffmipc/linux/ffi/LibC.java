package io.ffmipc.linux.ffi;

import io.ffmipc.spi.abi.CConstant;
import io.ffmipc.spi.abi.CFunction;
import io.ffmipc.spi.abi.CStruct;
import io.ffmipc.spi.abi.NativeBinder;
import io.ffmipc.spi.abi.Target;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The binding to glibc: every libc function, constant and struct layout the Linux provider uses,
 * declared once. Declarations ({@link CFunction}, {@link io.ffmipc.spi.abi.CConstant},
 * {@link io.ffmipc.spi.abi.CStruct}) are public static fields so the ABI check can enumerate and
 * compile them against the real headers of linux-x86_64 and linux-aarch64.
 *
 * <p>Functions that set errno take this thread's capture segment ({@link NativeBinder#callState()})
 * first; read the code with {@link #errno(MemorySegment)} after a failed call.
 */
public final class LibC {
    private LibC() {
    }

    /** The running target; bindings choose arch-specific values and layouts by it. */
    public static final Target TARGET = requireLinux(Target.current());

    static final NativeBinder BINDER = new NativeBinder(Linker.nativeLinker().defaultLookup(), TARGET,
            "io.ffmipc.linux");

    // ---------------------------------------------------------------- general
    public static final CFunction CLOSE = CFunction.of("int close(int fd)");
    public static final CFunction STRERROR = CFunction.noErrno("char *strerror(int errnum)");

    private static final MethodHandle close = BINDER.bind(CLOSE);
    private static final MethodHandle strerror = BINDER.bind(STRERROR);

    /** The errno captured by the last error-setting call on this thread into {@code state}. */
    public static int errno(MemorySegment state) {
        return BINDER.lastError(state);
    }

    public static int close(MemorySegment state, int fd) {
        try {
            return (int) close.invokeExact(state, fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The C library's text for an errno value. glibc returns static strings for known codes. */
    public static String strerror(int errnum) {
        try {
            MemorySegment s = (MemorySegment) strerror.invokeExact(errnum);
            return s.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---------------------------------------------------------------- section shm (shared memory, files, stat)
    // Values and layouts below were checked against glibc's headers with gcc (x86_64) and
    // aarch64-linux-gnu-gcc (aarch64); the ABI check (issue 3) asserts them on every build.

    public static final CConstant O_RDONLY = CConstant.of("O_RDONLY", 0);
    public static final CConstant O_RDWR = CConstant.of("O_RDWR", 02);
    public static final CConstant O_CREAT = CConstant.of("O_CREAT", 0100);
    public static final CConstant O_EXCL = CConstant.of("O_EXCL", 0200);
    public static final CConstant O_CLOEXEC = CConstant.of("O_CLOEXEC", 02000000);
    /** Differs by arch: asm-generic (aarch64) uses 0100000, x86 0400000. */
    public static final CConstant O_NOFOLLOW = CConstant.perTarget("O_NOFOLLOW",
            Target.LINUX_X86_64, 0400000, Target.LINUX_AARCH64, 0100000);
    public static final CConstant PROT_READ = CConstant.of("PROT_READ", 1);
    public static final CConstant PROT_WRITE = CConstant.of("PROT_WRITE", 2);
    public static final CConstant MAP_SHARED = CConstant.of("MAP_SHARED", 1);
    public static final CConstant S_IFMT = CConstant.of("S_IFMT", 0170000);
    public static final CConstant S_IFREG = CConstant.of("S_IFREG", 0100000);

    public static final CConstant IPC_PRIVATE = CConstant.of("IPC_PRIVATE", 0);
    public static final CConstant IPC_CREAT = CConstant.of("IPC_CREAT", 01000);
    public static final CConstant IPC_EXCL = CConstant.of("IPC_EXCL", 02000);
    public static final CConstant IPC_RMID = CConstant.of("IPC_RMID", 0);
    public static final CConstant IPC_STAT = CConstant.of("IPC_STAT", 2);
    /** Set in {@code shm_perm.mode} once IPC_RMID was asked for while processes are still attached. */
    public static final CConstant SHM_DEST = CConstant.of("SHM_DEST", 01000);
    /** glibc's SEM_VALUE_MAX (limits.h), the same on both arches. */
    public static final CConstant SEM_VALUE_MAX = CConstant.of("SEM_VALUE_MAX", 0x7fffffff);

    /** {@code struct stat}: the two arches differ (x86_64 has its own layout, aarch64 the asm-generic one). */
    public static final CStruct STAT = CStruct.perTarget("struct stat",
            Target.LINUX_X86_64, MemoryLayout.structLayout(
                    JAVA_LONG.withName("st_dev"),
                    JAVA_LONG.withName("st_ino"),
                    JAVA_LONG.withName("st_nlink"),
                    JAVA_INT.withName("st_mode"),
                    JAVA_INT.withName("st_uid"),
                    JAVA_INT.withName("st_gid"),
                    MemoryLayout.paddingLayout(4),
                    JAVA_LONG.withName("st_rdev"),
                    JAVA_LONG.withName("st_size"),
                    JAVA_LONG.withName("st_blksize"),
                    JAVA_LONG.withName("st_blocks"),
                    MemoryLayout.paddingLayout(72)), // st_atim, st_mtim, st_ctim, __glibc_reserved[3]
            Target.LINUX_AARCH64, MemoryLayout.structLayout(
                    JAVA_LONG.withName("st_dev"),
                    JAVA_LONG.withName("st_ino"),
                    JAVA_INT.withName("st_mode"),
                    JAVA_INT.withName("st_nlink"),
                    JAVA_INT.withName("st_uid"),
                    JAVA_INT.withName("st_gid"),
                    JAVA_LONG.withName("st_rdev"),
                    MemoryLayout.paddingLayout(8), // __pad1
                    JAVA_LONG.withName("st_size"),
                    JAVA_INT.withName("st_blksize"),
                    MemoryLayout.paddingLayout(4), // __pad2
                    JAVA_LONG.withName("st_blocks"),
                    MemoryLayout.paddingLayout(56))); // st_atim, st_mtim, st_ctim, __glibc_reserved[2]

    private static final StructLayout IPC_PERM_LAYOUT = MemoryLayout.structLayout(
            MemoryLayout.paddingLayout(4), // __key
            JAVA_INT.withName("uid"),
            JAVA_INT.withName("gid"),
            JAVA_INT.withName("cuid"),
            JAVA_INT.withName("cgid"),
            JAVA_INT.withName("mode"),
            MemoryLayout.paddingLayout(8), // __seq, __pad2
            // Named so the layout, like the C struct, is 8-byte aligned (the check asserts _Alignof).
            JAVA_LONG.withName("__glibc_reserved1"),
            JAVA_LONG.withName("__glibc_reserved2"));

    /** {@code struct ipc_perm}: the same on x86_64 and aarch64 (both headers checked). */
    public static final CStruct IPC_PERM = CStruct.of("struct ipc_perm", IPC_PERM_LAYOUT,
            Target.LINUX_X86_64, Target.LINUX_AARCH64);

    /** {@code struct shmid_ds}: the same on x86_64 and aarch64 (both headers checked). */
    public static final CStruct SHMID_DS = CStruct.of("struct shmid_ds", MemoryLayout.structLayout(
                    IPC_PERM_LAYOUT.withName("shm_perm"),
                    JAVA_LONG.withName("shm_segsz"),
                    JAVA_LONG.withName("shm_atime"),
                    JAVA_LONG.withName("shm_dtime"),
                    JAVA_LONG.withName("shm_ctime"),
                    JAVA_INT.withName("shm_cpid"),
                    JAVA_INT.withName("shm_lpid"),
                    JAVA_LONG.withName("shm_nattch"),
                    MemoryLayout.paddingLayout(16)), // __glibc_reserved5..6
            Target.LINUX_X86_64, Target.LINUX_AARCH64);

    public static final CFunction SHM_OPEN = CFunction.of("int shm_open(const char *name, int oflag, mode_t mode)");
    public static final CFunction SHM_UNLINK = CFunction.of("int shm_unlink(const char *name)");
    public static final CFunction OPEN = CFunction.variadic("int open(const char *file, int oflag, ...)", "mode_t");
    public static final CFunction FTRUNCATE = CFunction.of("int ftruncate(int fd, off_t length)");
    public static final CFunction FSTAT = CFunction.of("int fstat(int fd, struct stat *buf)");
    public static final CFunction FCHMOD = CFunction.of("int fchmod(int fd, mode_t mode)");
    public static final CFunction MMAP = CFunction.of(
            "void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)");
    public static final CFunction MUNMAP = CFunction.of("int munmap(void *addr, size_t len)");
    public static final CFunction SHMGET = CFunction.of("int shmget(key_t key, size_t size, int shmflg)");
    public static final CFunction SHMAT = CFunction.of("void *shmat(int shmid, const void *shmaddr, int shmflg)");
    public static final CFunction SHMDT = CFunction.of("int shmdt(const void *shmaddr)");
    public static final CFunction SHMCTL = CFunction.of("int shmctl(int shmid, int cmd, struct shmid_ds *buf)");

    private static final MethodHandle shm_open = BINDER.bind(SHM_OPEN);
    private static final MethodHandle shm_unlink = BINDER.bind(SHM_UNLINK);
    private static final MethodHandle open = BINDER.bind(OPEN);
    private static final MethodHandle ftruncate = BINDER.bind(FTRUNCATE);
    private static final MethodHandle fstat = BINDER.bind(FSTAT);
    private static final MethodHandle fchmod = BINDER.bind(FCHMOD);
    private static final MethodHandle mmap = BINDER.bind(MMAP);
    private static final MethodHandle munmap = BINDER.bind(MUNMAP);
    private static final MethodHandle shmget = BINDER.bind(SHMGET);
    private static final MethodHandle shmat = BINDER.bind(SHMAT);
    private static final MethodHandle shmdt = BINDER.bind(SHMDT);
    private static final MethodHandle shmctl = BINDER.bind(SHMCTL);

    public static int shmOpen(MemorySegment state, MemorySegment name, int oflag, int mode) {
        try {
            return (int) shm_open.invokeExact(state, name, oflag, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int shmUnlink(MemorySegment state, MemorySegment name) {
        try {
            return (int) shm_unlink.invokeExact(state, name);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int open(MemorySegment state, MemorySegment file, int oflag, int mode) {
        try {
            return (int) open.invokeExact(state, file, oflag, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int ftruncate(MemorySegment state, int fd, long length) {
        try {
            return (int) ftruncate.invokeExact(state, fd, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code buf} must hold {@link #STAT}'s layout. */
    public static int fstat(MemorySegment state, int fd, MemorySegment buf) {
        try {
            return (int) fstat.invokeExact(state, fd, buf);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int fchmod(MemorySegment state, int fd, int mode) {
        try {
            return (int) fchmod.invokeExact(state, fd, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Returns the mapping's address as a zero-length segment, or {@code MAP_FAILED} (see {@link #failed}). */
    public static MemorySegment mmap(MemorySegment state, MemorySegment addr, long len, int prot, int flags, int fd,
                                     long offset) {
        try {
            return (MemorySegment) mmap.invokeExact(state, addr, len, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int munmap(MemorySegment state, MemorySegment addr, long len) {
        try {
            return (int) munmap.invokeExact(state, addr, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int shmget(MemorySegment state, int key, long size, int shmflg) {
        try {
            return (int) shmget.invokeExact(state, key, size, shmflg);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Returns the attached address as a zero-length segment, or {@code MAP_FAILED} (see {@link #failed}). */
    public static MemorySegment shmat(MemorySegment state, int shmid, MemorySegment shmaddr, int shmflg) {
        try {
            return (MemorySegment) shmat.invokeExact(state, shmid, shmaddr, shmflg);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static int shmdt(MemorySegment state, MemorySegment shmaddr) {
        try {
            return (int) shmdt.invokeExact(state, shmaddr);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code buf} must hold {@link #SHMID_DS}'s layout (or be NULL for IPC_RMID). */
    public static int shmctl(MemorySegment state, int shmid, int cmd, MemorySegment buf) {
        try {
            return (int) shmctl.invokeExact(state, shmid, cmd, buf);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Whether an address returned by mmap or shmat is {@code MAP_FAILED}, {@code (void *) -1}.
     * (A pointer cast is no integer constant expression, so it is not a {@link CConstant}.)
     */
    public static boolean failed(MemorySegment address) {
        return address.address() == -1L;
    }


    // ---------------------------------------------------------------- section sync (semaphores, eventfd, spawn)

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("unexpected checked exception from a downcall", t);
    }

    private static Target requireLinux(Target t) {
        if (t == null || !t.isLinux()) {
            throw new IllegalStateException("the Linux binding was loaded on " + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch"));
        }
        return t;
    }
}
