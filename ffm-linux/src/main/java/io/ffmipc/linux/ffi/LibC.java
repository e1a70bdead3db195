package io.ffmipc.linux.ffi;

import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.ffi.Target;
import io.ffmipc.IpcException;
import io.ffmipc.OsError;
import io.ffmipc.posix.PosixLibrary;

import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import static io.ffmipc.ffi.NativeBinder.unchecked;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The binding to glibc: every libc function, constant and struct layout the Linux provider uses,
 * declared once. Declarations ({@link CFunction}, {@link io.ffmipc.ffi.CConstant},
 * {@link io.ffmipc.ffi.CStruct}) are public static fields so the ABI check can enumerate and
 * compile them against the real headers of linux-x86_64 and linux-aarch64.
 *
 * <p>Functions that set errno take this thread's capture segment ({@link NativeBinder#callState()})
 * first; read the code with {@link #errno(MemorySegment)} after a failed call.
 */
public final class LibC implements PosixLibrary {
    /** The binding, as the POSIX layer takes it. */
    public static final LibC INSTANCE = new LibC();

    private LibC() {
    }

    /** The running target; bindings choose arch-specific values and layouts by it. */
    private static final SymbolLookup LOOKUP = Linker.nativeLinker().defaultLookup();

    /**
     * Whether the C library is glibc (it alone exports {@code gnu_get_libc_version}); otherwise it is
     * taken for musl, the other C library the provider is checked against. The JVM cannot tell:
     * {@code os.name}/{@code os.arch} are the same under both.
     */
    public static final boolean GLIBC = LOOKUP.find("gnu_get_libc_version").isPresent();

    /**
     * The running target, with the C library: {@code linux-x86_64-musl} under musl on x86_64. The
     * values the bindings read through {@code CConstant.intValue()} and {@code CStruct.layout()}
     * are linux-x86_64's, which is right under musl too: {@code MuslAbiTest} fails if a musl value
     * ever differs where the provider reads it, and then those reads must go by this target.
     */
    public static final Target TARGET = libcVariant(requireLinux(Target.current()), GLIBC);

    static final NativeBinder BINDER = new NativeBinder(LOOKUP, TARGET, LibC.class.getModule());

    /** {@code target} with the C library: musl on x86_64 is a target of its own. */
    static Target libcVariant(Target target, boolean glibc) {
        return !glibc && target == Target.LINUX_X86_64 ? Target.LINUX_X86_64_MUSL : target;
    }

    /** The handle for a function only glibc has ({@link GlibcOnly}); null under another C library. */
    private static MethodHandle bindIfGlibc(CFunction f) {
        return GLIBC ? BINDER.bind(f) : null;
    }

    // ---------------------------------------------------------------- general
    public static final CFunction CLOSE = CFunction.of("int close(int fd)");
    public static final CFunction STRERROR = CFunction.noErrno("char *strerror(int errnum)");

    private static final MethodHandle close = BINDER.bind(CLOSE);
    private static final MethodHandle strerror = BINDER.bind(STRERROR);

    /** The errno captured by the last error-setting call on this thread into {@code state}. */
    @Override
    public int errno(MemorySegment state) {
        return BINDER.lastError(state);
    }

    @Override
    public int close(MemorySegment state, int fd) {
        try {
            return (int) close.invokeExact(state, fd);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** The C library's text for an errno value. glibc returns static strings for known codes. */
    @Override
    public String strerror(int errnum) {
        try {
            MemorySegment s = (MemorySegment) strerror.invokeExact(errnum);
            return s.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw unchecked(t);
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
            Target.LINUX_X86_64, 0400000, Target.LINUX_AARCH64, 0100000, Target.LINUX_X86_64_MUSL, 0400000);
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
    /** memfd_create flags and the file seals (fcntl F_ADD_SEALS) that fix an unnamed object's size. */
    public static final CConstant MFD_CLOEXEC = CConstant.of("MFD_CLOEXEC", 1);
    public static final CConstant MFD_ALLOW_SEALING = CConstant.of("MFD_ALLOW_SEALING", 2);
    public static final CConstant F_ADD_SEALS = CConstant.of("F_ADD_SEALS", 1033);
    public static final CConstant F_GET_SEALS = CConstant.of("F_GET_SEALS", 1034);
    public static final CConstant F_SEAL_SEAL = CConstant.of("F_SEAL_SEAL", 1);
    public static final CConstant F_SEAL_SHRINK = CConstant.of("F_SEAL_SHRINK", 2);
    public static final CConstant F_SEAL_GROW = CConstant.of("F_SEAL_GROW", 4);
    /** glibc's SEM_VALUE_MAX (limits.h), the same on both arches. */
    public static final CConstant SEM_VALUE_MAX = CConstant.of("SEM_VALUE_MAX", 0x7fffffff);

    /** {@code struct stat} of x86_64 (the kernel's layout; glibc and musl name the same fields). */
    private static final StructLayout STAT_X86_64 = MemoryLayout.structLayout(
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
        MemoryLayout.paddingLayout(72)); // st_atim, st_mtim, st_ctim, __glibc_reserved[3] (musl: __unused[3])

    /** {@code struct stat}: the two arches differ (x86_64 has its own layout, aarch64 the asm-generic one). */
    public static final CStruct STAT = CStruct.perTarget("struct stat",
            Target.LINUX_X86_64, STAT_X86_64,
            Target.LINUX_X86_64_MUSL, STAT_X86_64,
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

    /**
     * {@code struct ipc_perm} with its two trailing reserved longs named as the C library names them
     * (glibc {@code __glibc_reserved1/2}, musl {@code __pad1/2}): named so the layout, like the C
     * struct, is 8-byte aligned (the check asserts _Alignof). Offsets are the kernel's, the same in both.
     */
    private static StructLayout ipcPermLayout(String reserved1, String reserved2) {
        return MemoryLayout.structLayout(
                MemoryLayout.paddingLayout(4), // __key (musl: __ipc_perm_key)
                JAVA_INT.withName("uid"),
                JAVA_INT.withName("gid"),
                JAVA_INT.withName("cuid"),
                JAVA_INT.withName("cgid"),
                JAVA_INT.withName("mode"),
                MemoryLayout.paddingLayout(8), // glibc: unsigned short __seq, __pad2; musl: int __ipc_perm_seq
                JAVA_LONG.withName(reserved1),
                JAVA_LONG.withName(reserved2));
    }

    private static final StructLayout IPC_PERM_LAYOUT = ipcPermLayout("__glibc_reserved1", "__glibc_reserved2");
    private static final StructLayout IPC_PERM_MUSL = ipcPermLayout("__pad1", "__pad2");

    /** {@code struct ipc_perm}: the same on x86_64 and aarch64 (both headers checked); musl names the reserved words. */
    public static final CStruct IPC_PERM = CStruct.perTarget("struct ipc_perm",
            Target.LINUX_X86_64, IPC_PERM_LAYOUT, Target.LINUX_AARCH64, IPC_PERM_LAYOUT,
            Target.LINUX_X86_64_MUSL, IPC_PERM_MUSL);

    private static StructLayout shmidDs(StructLayout perm) {
        return MemoryLayout.structLayout(
                perm.withName("shm_perm"),
                JAVA_LONG.withName("shm_segsz"),
                JAVA_LONG.withName("shm_atime"),
                JAVA_LONG.withName("shm_dtime"),
                JAVA_LONG.withName("shm_ctime"),
                JAVA_INT.withName("shm_cpid"),
                JAVA_INT.withName("shm_lpid"),
                JAVA_LONG.withName("shm_nattch"),
                MemoryLayout.paddingLayout(16)); // glibc __glibc_reserved5..6, musl __pad1..2
    }

    /** {@code struct shmid_ds}: the same on x86_64 and aarch64 (both headers checked) and musl but for ipc_perm's names. */
    public static final CStruct SHMID_DS = CStruct.perTarget("struct shmid_ds",
            Target.LINUX_X86_64, shmidDs(IPC_PERM_LAYOUT), Target.LINUX_AARCH64, shmidDs(IPC_PERM_LAYOUT),
            Target.LINUX_X86_64_MUSL, shmidDs(IPC_PERM_MUSL));

    public static final CFunction SHM_OPEN = CFunction.of("int shm_open(const char *name, int oflag, mode_t mode)");
    public static final CFunction SHM_UNLINK = CFunction.of("int shm_unlink(const char *name)");
    public static final CFunction OPEN = CFunction.variadic("int open(const char *file, int oflag, ...)", "mode_t");
    public static final CFunction FTRUNCATE = CFunction.of("int ftruncate(int fd, off_t length)");
    /** Returns the error number itself instead of setting errno. */
    public static final CFunction POSIX_FALLOCATE = CFunction.noErrno(
            "int posix_fallocate(int fd, off_t offset, off_t len)");
    public static final CFunction FSTAT = CFunction.of("int fstat(int fd, struct stat *buf)");
    public static final CFunction FCHMOD = CFunction.of("int fchmod(int fd, mode_t mode)");
    public static final CFunction MMAP = CFunction.of(
            "void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)");
    public static final CFunction MUNMAP = CFunction.of("int munmap(void *addr, size_t len)");
    public static final CFunction SHMGET = CFunction.of("int shmget(key_t key, size_t size, int shmflg)");
    public static final CFunction SHMAT = CFunction.of("void *shmat(int shmid, const void *shmaddr, int shmflg)");
    public static final CFunction SHMDT = CFunction.of("int shmdt(const void *shmaddr)");
    public static final CFunction SHMCTL = CFunction.of("int shmctl(int shmid, int cmd, struct shmid_ds *buf)");
    public static final CFunction MEMFD_CREATE = CFunction.of("int memfd_create(const char *name, unsigned int flags)");

    private static final MethodHandle shm_open = BINDER.bind(SHM_OPEN);
    private static final MethodHandle shm_unlink = BINDER.bind(SHM_UNLINK);
    private static final MethodHandle open = BINDER.bind(OPEN);
    private static final MethodHandle ftruncate = BINDER.bind(FTRUNCATE);
    private static final MethodHandle posix_fallocate = BINDER.bind(POSIX_FALLOCATE);
    private static final MethodHandle fstat = BINDER.bind(FSTAT);
    private static final MethodHandle fchmod = BINDER.bind(FCHMOD);
    private static final MethodHandle mmap = BINDER.bind(MMAP);
    private static final MethodHandle munmap = BINDER.bind(MUNMAP);
    private static final MethodHandle shmget = BINDER.bind(SHMGET);
    private static final MethodHandle shmat = BINDER.bind(SHMAT);
    private static final MethodHandle shmdt = BINDER.bind(SHMDT);
    private static final MethodHandle shmctl = BINDER.bind(SHMCTL);
    private static final MethodHandle memfd_create = BINDER.bind(MEMFD_CREATE);

    public static int memfdCreate(MemorySegment state, MemorySegment name, int flags) {
        try {
            return (int) memfd_create.invokeExact(state, name, flags);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int shmOpen(MemorySegment state, MemorySegment name, int oflag, int mode) {
        try {
            return (int) shm_open.invokeExact(state, name, oflag, mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int shmUnlink(MemorySegment state, MemorySegment name) {
        try {
            return (int) shm_unlink.invokeExact(state, name);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int open(MemorySegment state, MemorySegment file, int oflag, int mode) {
        try {
            return (int) open.invokeExact(state, file, oflag, mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** 0 on success, otherwise the error number (posix_fallocate does not set errno). */
    @Override
    public int posixFallocate(int fd, long offset, long length) {
        try {
            return (int) posix_fallocate.invokeExact(fd, offset, length);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int ftruncate(MemorySegment state, int fd, long length) {
        try {
            return (int) ftruncate.invokeExact(state, fd, length);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code buf} must hold {@link #STAT}'s layout. */
    @Override
    public int fstat(MemorySegment state, int fd, MemorySegment buf) {
        try {
            return (int) fstat.invokeExact(state, fd, buf);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int fchmod(MemorySegment state, int fd, int mode) {
        try {
            return (int) fchmod.invokeExact(state, fd, mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Returns the mapping's address as a zero-length segment, or {@code MAP_FAILED} (see {@link #failed}). */
    @Override
    public MemorySegment mmap(MemorySegment state, MemorySegment addr, long len, int prot, int flags, int fd,
                                     long offset) {
        try {
            return (MemorySegment) mmap.invokeExact(state, addr, len, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int munmap(MemorySegment state, MemorySegment addr, long len) {
        try {
            return (int) munmap.invokeExact(state, addr, len);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int shmget(MemorySegment state, int key, long size, int shmflg) {
        try {
            return (int) shmget.invokeExact(state, key, size, shmflg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Returns the attached address as a zero-length segment, or {@code MAP_FAILED} (see {@link #failed}). */
    @Override
    public MemorySegment shmat(MemorySegment state, int shmid, MemorySegment shmaddr, int shmflg) {
        try {
            return (MemorySegment) shmat.invokeExact(state, shmid, shmaddr, shmflg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int shmdt(MemorySegment state, MemorySegment shmaddr) {
        try {
            return (int) shmdt.invokeExact(state, shmaddr);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code buf} must hold {@link #SHMID_DS}'s layout (or be NULL for IPC_RMID). */
    @Override
    public int shmctl(MemorySegment state, int shmid, int cmd, MemorySegment buf) {
        try {
            return (int) shmctl.invokeExact(state, shmid, cmd, buf);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * Whether an address returned by mmap or shmat is {@code MAP_FAILED}, {@code (void *) -1}.
     * (A pointer cast is no integer constant expression, so it is not a {@link CConstant}.)
     */
    @Override
    public boolean failed(MemorySegment address) {
        return address.address() == -1L;
    }


    // ---------------------------------------------------------------- section sync (semaphores, eventfd, spawn)
    // Every value below was checked against glibc 2.36 headers on x86_64 (gcc) and aarch64
    // (aarch64-linux-gnu-gcc); the ABI check re-asserts them. O_RDONLY, O_CREAT, O_EXCL, IPC_*
    // and SEM_VALUE_MAX come from "section shm" above.

    public static final CConstant O_WRONLY = CConstant.of("O_WRONLY", 01);
    public static final CConstant O_TRUNC = CConstant.of("O_TRUNC", 01000);

    public static final CConstant CLOCK_MONOTONIC = CConstant.of("CLOCK_MONOTONIC", 1);

    /** {@code struct timespec}: the same on both 64-bit targets. */
    public static final CStruct TIMESPEC = CStruct.of("struct timespec", MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("tv_sec"), ValueLayout.JAVA_LONG.withName("tv_nsec")),
            Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.LINUX_X86_64_MUSL);

    public static final CFunction CLOCK_GETTIME = CFunction.of("int clock_gettime(clockid_t clockid, struct timespec *tp)");
    public static final CFunction READ = CFunction.of("ssize_t read(int fd, void *buf, size_t count)");
    public static final CFunction WRITE = CFunction.of("ssize_t write(int fd, const void *buf, size_t count)");
    public static final CFunction FCNTL_INT = CFunction.variadic("int fcntl(int fd, int cmd, ...)", "int");
    public static final CConstant F_GETFL = CConstant.of("F_GETFL", 3);
    public static final CConstant F_SETFL = CConstant.of("F_SETFL", 4);
    public static final CConstant O_NONBLOCK = CConstant.of("O_NONBLOCK", 04000);

    private static final MethodHandle clock_gettime = BINDER.bind(CLOCK_GETTIME);
    private static final MethodHandle read = BINDER.bind(READ);
    private static final MethodHandle write = BINDER.bind(WRITE);
    private static final MethodHandle fcntl_int = BINDER.bind(FCNTL_INT);

    @Override
    public int clockGettime(MemorySegment state, int clockId, MemorySegment timespec) {
        try {
            return (int) clock_gettime.invokeExact(state, clockId, timespec);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public long read(MemorySegment state, int fd, MemorySegment buf, long count) {
        try {
            return (long) read.invokeExact(state, fd, buf, count);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public long write(MemorySegment state, int fd, MemorySegment buf, long count) {
        try {
            return (long) write.invokeExact(state, fd, buf, count);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code fcntl} with an int argument (F_GETFL, F_SETFL). */
    @Override
    public int fcntl(MemorySegment state, int fd, int cmd, int arg) {
        try {
            return (int) fcntl_int.invokeExact(state, fd, cmd, arg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    // --- POSIX named semaphores (sem_overview(7)); glibc keeps them as /dev/shm/sem.<name>

    /** sem_open's error return, {@code (sem_t *) 0} in glibc. */
    public static final CConstant SEM_FAILED = CConstant.of("SEM_FAILED", 0);
    /** {@code sizeof(sem_t)}, the bytes a sem_open result addresses. */
    public static final CConstant SIZEOF_SEM_T = CConstant.of("sizeof(sem_t)", 32);

    public static final CFunction SEM_OPEN = CFunction.variadic("sem_t *sem_open(const char *name, int oflag, ...)",
            "mode_t", "unsigned int");
    /** Waits against CLOCK_REALTIME: musl's timed wait (glibc's is {@link GlibcOnly#SEM_CLOCKWAIT}). */
    public static final CFunction SEM_TIMEDWAIT = CFunction.of(
            "int sem_timedwait(sem_t *sem, const struct timespec *abstime)");
    public static final CFunction SEM_TRYWAIT = CFunction.of("int sem_trywait(sem_t *sem)");
    public static final CFunction SEM_POST = CFunction.of("int sem_post(sem_t *sem)");
    public static final CFunction SEM_GETVALUE = CFunction.of("int sem_getvalue(sem_t *sem, int *sval)");
    public static final CFunction SEM_CLOSE = CFunction.of("int sem_close(sem_t *sem)");
    public static final CFunction SEM_UNLINK = CFunction.of("int sem_unlink(const char *name)");

    private static final MethodHandle sem_open = BINDER.bind(SEM_OPEN);
    private static final MethodHandle sem_clockwait = bindIfGlibc(GlibcOnly.SEM_CLOCKWAIT);
    private static final MethodHandle sem_timedwait = BINDER.bind(SEM_TIMEDWAIT);
    private static final MethodHandle sem_trywait = BINDER.bind(SEM_TRYWAIT);
    private static final MethodHandle sem_post = BINDER.bind(SEM_POST);
    private static final MethodHandle sem_getvalue = BINDER.bind(SEM_GETVALUE);
    private static final MethodHandle sem_close = BINDER.bind(SEM_CLOSE);
    private static final MethodHandle sem_unlink = BINDER.bind(SEM_UNLINK);

    /**
     * Where sem_open keeps a named semaphore: glibc in {@code /dev/shm/sem.<name>}, musl in
     * {@code /dev/shm/<name>} (the same directory and names as shm_open's objects). The two C
     * libraries' semaphore files also differ inside (32 bytes each, other words and waiter
     * protocols): a glibc and a musl process cannot share a named POSIX semaphore.
     */
    public static final String SEMAPHORE_FILE_PREFIX = GLIBC ? "sem." : "";

    /** Returns the semaphore's address, or {@link #SEM_FAILED} (address 0) with errno set. */
    @Override
    public MemorySegment semOpen(MemorySegment state, MemorySegment name, int oflag, int mode, int value) {
        try {
            return (MemorySegment) sem_open.invokeExact(state, name, oflag, mode, value);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** glibc only ({@link #GLIBC}); elsewhere {@link #semTimedwait}. */
    @Override
    public int semClockwait(MemorySegment state, MemorySegment sem, int clockId, MemorySegment abstime) {
        try {
            return (int) sem_clockwait.invokeExact(state, sem, clockId, abstime);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code abstime} on CLOCK_REALTIME. */
    @Override
    public int semTimedwait(MemorySegment state, MemorySegment sem, MemorySegment abstime) {
        try {
            return (int) sem_timedwait.invokeExact(state, sem, abstime);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semTrywait(MemorySegment state, MemorySegment sem) {
        try {
            return (int) sem_trywait.invokeExact(state, sem);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semPost(MemorySegment state, MemorySegment sem) {
        try {
            return (int) sem_post.invokeExact(state, sem);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semGetvalue(MemorySegment state, MemorySegment sem, MemorySegment intOut) {
        try {
            return (int) sem_getvalue.invokeExact(state, sem, intOut);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semClose(MemorySegment state, MemorySegment sem) {
        try {
            return (int) sem_close.invokeExact(state, sem);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semUnlink(MemorySegment state, MemorySegment name) {
        try {
            return (int) sem_unlink.invokeExact(state, name);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    // --- System V semaphore sets (semget(2), semop(2), semctl(2))

    public static final CConstant IPC_NOWAIT = CConstant.of("IPC_NOWAIT", 04000);
    public static final CConstant SEM_UNDO = CConstant.of("SEM_UNDO", 010000);
    public static final CConstant GETPID = CConstant.of("GETPID", 11);
    public static final CConstant GETVAL = CConstant.of("GETVAL", 12);
    public static final CConstant GETALL = CConstant.of("GETALL", 13);
    public static final CConstant GETNCNT = CConstant.of("GETNCNT", 14);
    public static final CConstant SETVAL = CConstant.of("SETVAL", 16);
    public static final CConstant SETALL = CConstant.of("SETALL", 17);
    /**
     * The largest value of a System V semaphore. The kernel's SEMVMX (include/uapi/linux/sem.h),
     * not visible in glibc's headers, so the ABI check cannot assert it; SETVAL above it fails
     * with ERANGE.
     */
    public static final int SEMVMX = 32767;

    /** {@code struct sembuf}: unsigned short sem_num, short sem_op, short sem_flg (both targets). */
    public static final CStruct SEMBUF = CStruct.of("struct sembuf", MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("sem_num"), ValueLayout.JAVA_SHORT.withName("sem_op"),
            ValueLayout.JAVA_SHORT.withName("sem_flg")), Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.LINUX_X86_64_MUSL);

    /** {@code struct ipc_perm}: identical on x86_64 and aarch64 (48 bytes). */
    private static MemoryLayout ipcPerm() {
        return MemoryLayout.structLayout(
                ValueLayout.JAVA_INT.withName("__key"), ValueLayout.JAVA_INT.withName("uid"),
                ValueLayout.JAVA_INT.withName("gid"), ValueLayout.JAVA_INT.withName("cuid"),
                ValueLayout.JAVA_INT.withName("cgid"), ValueLayout.JAVA_INT.withName("mode"),
                ValueLayout.JAVA_SHORT.withName("__seq"), MemoryLayout.paddingLayout(22)).withName("sem_perm");
    }

    /**
     * {@code struct semid_ds}. x86_64 keeps a reserved 8-byte word after each time field (room for
     * 64-bit time on 32-bit ABIs); the generic layout aarch64 uses does not.
     */
    public static final CStruct SEMID_DS = CStruct.perTarget("struct semid_ds",
            Target.LINUX_X86_64, MemoryLayout.structLayout(ipcPerm(),
                    ValueLayout.JAVA_LONG.withName("sem_otime"), MemoryLayout.paddingLayout(8),
                    ValueLayout.JAVA_LONG.withName("sem_ctime"), MemoryLayout.paddingLayout(8),
                    ValueLayout.JAVA_LONG.withName("sem_nsems"), MemoryLayout.paddingLayout(16)),
            // musl declares sem_nsems as an unsigned short plus padding where the kernel writes an
            // unsigned long: on little-endian x86_64 a 64-bit read there is still the kernel's value.
            Target.LINUX_X86_64_MUSL, MemoryLayout.structLayout(IPC_PERM_MUSL.withName("sem_perm"),
                    ValueLayout.JAVA_LONG.withName("sem_otime"), MemoryLayout.paddingLayout(8),
                    ValueLayout.JAVA_LONG.withName("sem_ctime"), MemoryLayout.paddingLayout(8),
                    ValueLayout.JAVA_SHORT.withName("sem_nsems"), MemoryLayout.paddingLayout(22)),
            Target.LINUX_AARCH64, MemoryLayout.structLayout(ipcPerm(),
                    ValueLayout.JAVA_LONG.withName("sem_otime"),
                    ValueLayout.JAVA_LONG.withName("sem_ctime"),
                    ValueLayout.JAVA_LONG.withName("sem_nsems"), MemoryLayout.paddingLayout(16)));

    public static final CFunction SEMGET = CFunction.of("int semget(key_t key, int nsems, int semflg)");
    public static final CFunction SEMOP = CFunction.of("int semop(int semid, struct sembuf *sops, size_t nsops)");
    public static final CFunction SEMTIMEDOP = CFunction.of(
            "int semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout)");
    /** semctl for commands whose fourth argument is an int (SETVAL) or absent (GETVAL, GETPID, GETNCNT, IPC_RMID). */
    public static final CFunction SEMCTL_INT = CFunction.variadic("int semctl(int semid, int semnum, int cmd, ...)", "int");
    /** semctl for commands whose fourth argument is a pointer (IPC_STAT, SETALL, GETALL). */
    public static final CFunction SEMCTL_PTR = CFunction.variadic("int semctl(int semid, int semnum, int cmd, ...)",
            "void *");

    private static final MethodHandle semget = BINDER.bind(SEMGET);
    private static final MethodHandle semop = BINDER.bind(SEMOP);
    private static final MethodHandle semtimedop = BINDER.bind(SEMTIMEDOP);
    private static final MethodHandle semctl_int = BINDER.bind(SEMCTL_INT);
    private static final MethodHandle semctl_ptr = BINDER.bind(SEMCTL_PTR);

    @Override
    public int semget(MemorySegment state, int key, int nsems, int semflg) {
        try {
            return (int) semget.invokeExact(state, key, nsems, semflg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semop(MemorySegment state, int semid, MemorySegment sops, long nsops) {
        try {
            return (int) semop.invokeExact(state, semid, sops, nsops);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code timeout} is relative; {@link MemorySegment#NULL} waits without limit. */
    @Override
    public int semtimedop(MemorySegment state, int semid, MemorySegment sops, long nsops, MemorySegment timeout) {
        try {
            return (int) semtimedop.invokeExact(state, semid, sops, nsops, timeout);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semctl(MemorySegment state, int semid, int semnum, int cmd, int arg) {
        try {
            return (int) semctl_int.invokeExact(state, semid, semnum, cmd, arg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semctl(MemorySegment state, int semid, int semnum, int cmd, MemorySegment arg) {
        try {
            return (int) semctl_ptr.invokeExact(state, semid, semnum, cmd, arg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    // --- eventfd(2) and poll(2)

    public static final CConstant EFD_SEMAPHORE = CConstant.of("EFD_SEMAPHORE", 1);
    public static final CConstant EFD_CLOEXEC = CConstant.of("EFD_CLOEXEC", 02000000);
    public static final CConstant EFD_NONBLOCK = CConstant.of("EFD_NONBLOCK", 04000);
    public static final CConstant POLLIN = CConstant.of("POLLIN", 1);
    /** The largest value an eventfd counter holds (2^64 - 2); a write beyond it blocks or fails with EAGAIN. */
    public static final long EVENTFD_MAX = 0xfffffffffffffffeL;

    /** {@code struct pollfd}: the same on both targets. */
    public static final CStruct POLLFD = CStruct.of("struct pollfd", MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("fd"), ValueLayout.JAVA_SHORT.withName("events"),
            ValueLayout.JAVA_SHORT.withName("revents")), Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.LINUX_X86_64_MUSL);

    public static final CFunction EVENTFD = CFunction.of("int eventfd(unsigned int initval, int flags)");
    /** nfds_t is unsigned long in glibc. */
    public static final CFunction POLL = CFunction.of("int poll(struct pollfd *fds, unsigned long nfds, int timeout)");

    private static final MethodHandle eventfd = BINDER.bind(EVENTFD);
    private static final MethodHandle poll = BINDER.bind(POLL);

    public static int eventfd(MemorySegment state, int initval, int flags) {
        try {
            return (int) eventfd.invokeExact(state, initval, flags);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int poll(MemorySegment state, MemorySegment fds, long nfds, int timeoutMillis) {
        try {
            return (int) poll.invokeExact(state, fds, nfds, timeoutMillis);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    // --- process spawning (posix_spawn(3)), waitpid(2), kill(2)
    // posix_spawn* return an error number instead of setting errno, hence noErrno.

    public static final CConstant WNOHANG = CConstant.of("WNOHANG", 1);
    public static final CConstant SIGKILL = CConstant.of("SIGKILL", 9);
    /** {@code sizeof(posix_spawn_file_actions_t)}: opaque, allocated by us, set up by _init. */
    public static final CConstant SIZEOF_POSIX_SPAWN_FILE_ACTIONS_T = CConstant.of("sizeof(posix_spawn_file_actions_t)", 80);

    public static final CFunction POSIX_SPAWNP = CFunction.noErrno("int posix_spawnp(pid_t *pid, const char *file, "
            + "const posix_spawn_file_actions_t *file_actions, const posix_spawnattr_t *attrp, "
            + "char *const *argv, char *const *envp)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_INIT = CFunction.noErrno(
            "int posix_spawn_file_actions_init(posix_spawn_file_actions_t *file_actions)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_DESTROY = CFunction.noErrno(
            "int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *file_actions)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_ADDDUP2 = CFunction.noErrno(
            "int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *file_actions, int fildes, int newfildes)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_ADDOPEN = CFunction.noErrno(
            "int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *file_actions, int fildes, "
                    + "const char *path, int oflag, mode_t mode)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_ADDCLOSE = CFunction.noErrno(
            "int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *file_actions, int fildes)");
    public static final CFunction WAITPID = CFunction.of("pid_t waitpid(pid_t pid, int *wstatus, int options)");
    public static final CFunction KILL = CFunction.of("int kill(pid_t pid, int sig)");

    private static final MethodHandle posix_spawnp = BINDER.bind(POSIX_SPAWNP);
    private static final MethodHandle fa_init = BINDER.bind(POSIX_SPAWN_FILE_ACTIONS_INIT);
    private static final MethodHandle fa_destroy = BINDER.bind(POSIX_SPAWN_FILE_ACTIONS_DESTROY);
    private static final MethodHandle fa_adddup2 = BINDER.bind(POSIX_SPAWN_FILE_ACTIONS_ADDDUP2);
    private static final MethodHandle fa_addopen = BINDER.bind(POSIX_SPAWN_FILE_ACTIONS_ADDOPEN);
    private static final MethodHandle fa_addclose = BINDER.bind(POSIX_SPAWN_FILE_ACTIONS_ADDCLOSE);
    private static final MethodHandle fa_addclosefrom = bindIfGlibc(GlibcOnly.POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP);
    private static final MethodHandle waitpid = BINDER.bind(WAITPID);
    private static final MethodHandle kill = BINDER.bind(KILL);
    /** glibc's {@code char **environ}: the address of the variable, read at each spawn. */
    private static final MemorySegment ENVIRON = Linker.nativeLinker().defaultLookup().find("environ")
            .orElseThrow(() -> new UnsatisfiedLinkError("native symbol 'environ' not found"))
            .reinterpret(ValueLayout.ADDRESS.byteSize());

    /** The current environment block ({@code environ}), for posix_spawnp's envp. */
    @Override
    public MemorySegment environ() {
        return ENVIRON.get(ValueLayout.ADDRESS, 0);
    }

    /** Returns 0 or an error number. */
    @Override
    public int posixSpawnp(MemorySegment pidOut, MemorySegment file, MemorySegment fileActions,
                                  MemorySegment attr, MemorySegment argv, MemorySegment envp) {
        try {
            return (int) posix_spawnp.invokeExact(pidOut, file, fileActions, attr, argv, envp);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsInit(MemorySegment fa) {
        try {
            return (int) fa_init.invokeExact(fa);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsDestroy(MemorySegment fa) {
        try {
            return (int) fa_destroy.invokeExact(fa);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsAdddup2(MemorySegment fa, int fd, int newFd) {
        try {
            return (int) fa_adddup2.invokeExact(fa, fd, newFd);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsAddopen(MemorySegment fa, int fd, MemorySegment path, int oflag, int mode) {
        try {
            return (int) fa_addopen.invokeExact(fa, fd, path, oflag, mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsAddclose(MemorySegment fa, int fd) {
        try {
            return (int) fa_addclose.invokeExact(fa, fd);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** glibc only ({@link #GLIBC}). */
    @Override
    public int posixSpawnFileActionsAddclosefromNp(MemorySegment fa, int from) {
        try {
            return (int) fa_addclosefrom.invokeExact(fa, from);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int waitpid(MemorySegment state, int pid, MemorySegment statusOut, int options) {
        try {
            return (int) waitpid.invokeExact(state, pid, statusOut, options);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int kill(MemorySegment state, int pid, int sig) {
        try {
            return (int) kill.invokeExact(state, pid, sig);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }


    // ---------------------------------------------------------------- section mq (POSIX and System V message queues)
    // Checked against glibc headers for x86_64 (gcc) and aarch64 (aarch64-linux-gnu-gcc); the ABI
    // check re-asserts them. O_* and IPC_CREAT/IPC_EXCL/IPC_STAT/IPC_RMID/IPC_NOWAIT and struct
    // ipc_perm come from the shm and sync sections above.

    public static final CConstant CLOCK_REALTIME = CConstant.of("CLOCK_REALTIME", 0);
    /** Priorities run from 0 to MQ_PRIO_MAX - 1. */
    public static final CConstant MQ_PRIO_MAX = CConstant.of("MQ_PRIO_MAX", 32768);
    public static final CConstant IPC_SET = CConstant.of("IPC_SET", 1);
    /** msgrcv: truncate a longer message to the buffer instead of failing with E2BIG. */
    public static final CConstant MSG_NOERROR = CConstant.of("MSG_NOERROR", 010000);

    /** {@code struct mq_attr}: four longs (plus reserved words) on both targets. */
    public static final CStruct MQ_ATTR = CStruct.of("struct mq_attr", MemoryLayout.structLayout(
                    JAVA_LONG.withName("mq_flags"), JAVA_LONG.withName("mq_maxmsg"),
                    JAVA_LONG.withName("mq_msgsize"), JAVA_LONG.withName("mq_curmsgs"),
                    MemoryLayout.paddingLayout(32)), // __pad[4]
            Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.LINUX_X86_64_MUSL);

    /** {@code struct msqid_ds}: the same on x86_64 and aarch64 (both 120 bytes, checked). */
    public static final CStruct MSQID_DS = CStruct.perTarget("struct msqid_ds",
            Target.LINUX_X86_64, msqidDs(IPC_PERM_LAYOUT, "__msg_cbytes"),
            Target.LINUX_AARCH64, msqidDs(IPC_PERM_LAYOUT, "__msg_cbytes"),
            Target.LINUX_X86_64_MUSL, msqidDs(IPC_PERM_MUSL, "msg_cbytes"));

    /** The kernel's msqid64_ds; glibc calls the byte count {@code __msg_cbytes}, musl {@code msg_cbytes}. */
    private static StructLayout msqidDs(StructLayout perm, String cbytes) {
        return MemoryLayout.structLayout(
                perm.withName("msg_perm"),
                JAVA_LONG.withName("msg_stime"),
                JAVA_LONG.withName("msg_rtime"),
                JAVA_LONG.withName("msg_ctime"),
                JAVA_LONG.withName(cbytes),
                JAVA_LONG.withName("msg_qnum"),
                JAVA_LONG.withName("msg_qbytes"),
                JAVA_INT.withName("msg_lspid"),
                JAVA_INT.withName("msg_lrpid"),
                MemoryLayout.paddingLayout(16)); // glibc __glibc_reserved4..5, musl __unused[2]
    }

    /** With O_CREAT: mode and attributes (NULL for the defaults) follow. */
    public static final CFunction MQ_OPEN = CFunction.variadic("mqd_t mq_open(const char *name, int oflag, ...)",
            "mode_t", "struct mq_attr *");
    public static final CFunction MQ_TIMEDSEND = CFunction.of("int mq_timedsend(mqd_t mqdes, const char *msg_ptr, "
            + "size_t msg_len, unsigned int msg_prio, const struct timespec *abs_timeout)");
    public static final CFunction MQ_TIMEDRECEIVE = CFunction.of("ssize_t mq_timedreceive(mqd_t mqdes, char *msg_ptr, "
            + "size_t msg_len, unsigned int *msg_prio, const struct timespec *abs_timeout)");
    public static final CFunction MQ_GETATTR = CFunction.of("int mq_getattr(mqd_t mqdes, struct mq_attr *mqstat)");
    public static final CFunction MQ_SETATTR = CFunction.of(
            "int mq_setattr(mqd_t mqdes, const struct mq_attr *mqstat, struct mq_attr *omqstat)");
    public static final CFunction MQ_CLOSE = CFunction.of("int mq_close(mqd_t mqdes)");
    public static final CFunction MQ_UNLINK = CFunction.of("int mq_unlink(const char *name)");
    public static final CFunction MSGGET = CFunction.of("int msgget(key_t key, int msgflg)");
    public static final CFunction MSGSND = CFunction.of(
            "int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)");
    public static final CFunction MSGRCV = CFunction.of(
            "ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)");
    public static final CFunction MSGCTL = CFunction.of("int msgctl(int msqid, int cmd, struct msqid_ds *buf)");

    private static final MethodHandle mq_open = BINDER.bind(MQ_OPEN);
    private static final MethodHandle mq_timedsend = BINDER.bind(MQ_TIMEDSEND);
    private static final MethodHandle mq_timedreceive = BINDER.bind(MQ_TIMEDRECEIVE);
    private static final MethodHandle mq_getattr = BINDER.bind(MQ_GETATTR);
    private static final MethodHandle mq_setattr = BINDER.bind(MQ_SETATTR);
    private static final MethodHandle mq_close = BINDER.bind(MQ_CLOSE);
    private static final MethodHandle mq_unlink = BINDER.bind(MQ_UNLINK);
    private static final MethodHandle msgget = BINDER.bind(MSGGET);
    private static final MethodHandle msgsnd = BINDER.bind(MSGSND);
    private static final MethodHandle msgrcv = BINDER.bind(MSGRCV);
    private static final MethodHandle msgctl = BINDER.bind(MSGCTL);

    /** {@code attr} may be {@link MemorySegment#NULL} (kernel defaults); mode and attr are read only with O_CREAT. */
    @Override
    public int mqOpen(MemorySegment state, MemorySegment name, int oflag, int mode, MemorySegment attr) {
        try {
            return (int) mq_open.invokeExact(state, name, oflag, mode, attr);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code absTimeout} is on CLOCK_REALTIME (glibc has no monotonic variant). */
    @Override
    public int mqTimedsend(MemorySegment state, int mqd, MemorySegment msg, long len, int prio,
                                  MemorySegment absTimeout) {
        try {
            return (int) mq_timedsend.invokeExact(state, mqd, msg, len, prio, absTimeout);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code absTimeout} is on CLOCK_REALTIME; {@code prioOut} may be NULL. */
    @Override
    public long mqTimedreceive(MemorySegment state, int mqd, MemorySegment buf, long len, MemorySegment prioOut,
                                      MemorySegment absTimeout) {
        try {
            return (long) mq_timedreceive.invokeExact(state, mqd, buf, len, prioOut, absTimeout);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int mqGetattr(MemorySegment state, int mqd, MemorySegment attr) {
        try {
            return (int) mq_getattr.invokeExact(state, mqd, attr);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int mqSetattr(MemorySegment state, int mqd, MemorySegment newAttr, MemorySegment oldAttr) {
        try {
            return (int) mq_setattr.invokeExact(state, mqd, newAttr, oldAttr);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int mqClose(MemorySegment state, int mqd) {
        try {
            return (int) mq_close.invokeExact(state, mqd);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int mqUnlink(MemorySegment state, MemorySegment name) {
        try {
            return (int) mq_unlink.invokeExact(state, name);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int msgget(MemorySegment state, int key, int msgflg) {
        try {
            return (int) msgget.invokeExact(state, key, msgflg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code msgp} points at a {@code long mtype} followed by {@code msgsz} bytes of text. */
    @Override
    public int msgsnd(MemorySegment state, int msqid, MemorySegment msgp, long msgsz, int msgflg) {
        try {
            return (int) msgsnd.invokeExact(state, msqid, msgp, msgsz, msgflg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public long msgrcv(MemorySegment state, int msqid, MemorySegment msgp, long msgsz, long msgtyp, int msgflg) {
        try {
            return (long) msgrcv.invokeExact(state, msqid, msgp, msgsz, msgtyp, msgflg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code buf} must hold {@link #MSQID_DS}'s layout (or be NULL for IPC_RMID). */
    @Override
    public int msgctl(MemorySegment state, int msqid, int cmd, MemorySegment buf) {
        try {
            return (int) msgctl.invokeExact(state, msqid, cmd, buf);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }
    // (end of section mq (POSIX and System V message queues))

    // ---------------------------------------------------------------- section futex (futex wait/wake)
    // futex(2) has no glibc wrapper: it is reached through syscall(2). glibc's syscall() reads its
    // variadic arguments as six longs and hands them to the kernel in registers, so every argument
    // is passed as a long here: the word's and the timespec's addresses as plain integers. That keeps
    // the hot path free of MemorySegment allocations; callers check bounds and liveness beforehand.
    // Values checked with gcc (x86_64) and aarch64-linux-gnu-gcc; the ABI check re-asserts them.

    /** The futex syscall number: arch-specific (x86_64 has its own table, aarch64 the generic one). */
    public static final CConstant SYS_FUTEX = CConstant.perTarget("SYS_futex",
            Target.LINUX_X86_64, 202, Target.LINUX_AARCH64, 98, Target.LINUX_X86_64_MUSL, 202);
    /** Sleep while the word equals val; the timeout is RELATIVE (measured on CLOCK_MONOTONIC). */
    public static final CConstant FUTEX_WAIT = CConstant.of("FUTEX_WAIT", 0);
    public static final CConstant FUTEX_WAKE = CConstant.of("FUTEX_WAKE", 1);
    /**
     * Declared only to say it is NOT used: a private futex is keyed by (mm, address) and would never
     * meet a waiter in another process. Ours are keyed by the shared page, so processes meet.
     */
    public static final CConstant FUTEX_PRIVATE_FLAG = CConstant.of("FUTEX_PRIVATE_FLAG", 128);
    public static final CFunction SYSCALL_FUTEX = CFunction.variadic("long syscall(long number, ...)",
            "long", "long", "long", "long");

    private static final MethodHandle syscall_futex = BINDER.bind(SYSCALL_FUTEX);

    /**
     * {@code syscall(SYS_futex, uaddr, op, val, timeout)}: FUTEX_WAIT returns 0 when woken (or
     * spuriously), -1 with EAGAIN (word != val), ETIMEDOUT or EINTR; FUTEX_WAKE returns the number woken.
     *
     * @param wordAddress    address of the aligned 32-bit word
     * @param timespecAddress a {@code struct timespec} (relative), or 0 for none
     */
    public static long futex(MemorySegment state, long wordAddress, int op, int val, long timespecAddress) {
        try {
            return (long) syscall_futex.invokeExact(state, (long) SYS_FUTEX_NR, wordAddress, (long) op, (long) val,
                    timespecAddress);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    private static final int SYS_FUTEX_NR = SYS_FUTEX.intValue();
    // (end of section futex (futex wait/wake))

    // ---------------------------------------------------------------- section mutex (robust mutex)
    // The robust mutex's System V set uses semget, semtimedop, semop and semctl from "section sync".
    // Its anchor file (posix.KeyAnchor) is opened with open (O_NOFOLLOW, "section shm"), checked with
    // fstat on the descriptor, locked with fcntl record locks and read and written through the
    // descriptor with pread/pwrite/ftruncate: the declarations below, checked with gcc (x86_64) and
    // aarch64-linux-gnu-gcc against glibc 2.36, and re-asserted by the ABI check.

    /** fcntl record locks: set or clear without waiting (64-bit off_t on both targets, so no F_SETLK64 split). */
    public static final CConstant F_SETLK = CConstant.of("F_SETLK", 6);
    public static final CConstant F_WRLCK = CConstant.of("F_WRLCK", 1);
    public static final CConstant F_UNLCK = CConstant.of("F_UNLCK", 2);
    public static final CConstant SEEK_SET = CConstant.of("SEEK_SET", 0);

    /** {@code struct flock}: the same on x86_64 and aarch64 (32 bytes). */
    public static final CStruct FLOCK = CStruct.of("struct flock", MemoryLayout.structLayout(
                    ValueLayout.JAVA_SHORT.withName("l_type"),
                    ValueLayout.JAVA_SHORT.withName("l_whence"),
                    MemoryLayout.paddingLayout(4),
                    JAVA_LONG.withName("l_start"),
                    JAVA_LONG.withName("l_len"),
                    JAVA_INT.withName("l_pid"),
                    MemoryLayout.paddingLayout(4)),
            Target.LINUX_X86_64, Target.LINUX_X86_64_MUSL, Target.LINUX_AARCH64);

    /** fcntl for commands whose third argument is a pointer (F_SETLK with a struct flock). */
    public static final CFunction FCNTL_PTR = CFunction.variadic("int fcntl(int fd, int cmd, ...)", "void *");
    public static final CFunction PREAD = CFunction.of("ssize_t pread(int fd, void *buf, size_t nbytes, off_t offset)");
    public static final CFunction PWRITE = CFunction.of(
            "ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset)");

    private static final MethodHandle fcntl_ptr = BINDER.bind(FCNTL_PTR);
    private static final MethodHandle pread = BINDER.bind(PREAD);
    private static final MethodHandle pwrite = BINDER.bind(PWRITE);

    @Override
    public int fcntl(MemorySegment state, int fd, int cmd, MemorySegment arg) {
        try {
            return (int) fcntl_ptr.invokeExact(state, fd, cmd, arg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public long pread(MemorySegment state, int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) pread.invokeExact(state, fd, buf, count, offset);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public long pwrite(MemorySegment state, int fd, MemorySegment buf, long count, long offset) {
        try {
            return (long) pwrite.invokeExact(state, fd, buf, count, offset);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * Anchor files live in the tmpfs at {@code /dev/shm}: every process of the machine (and of
     * containers sharing it) sees it, it is sticky and world-writable like {@code /tmp}, and it is
     * emptied at boot together with the System V objects the anchors name.
     */
    @Override
    public String anchorFile(String storedName) {
        return "/dev/shm/" + io.ffmipc.IpcNames.validateStored(storedName);
    }
    // (end of section mutex (robust mutex))

    // ---------------------------------------------------------------- section presence (peer liveness in any pid namespace)
    // posix.PosixPresenceSeam: each handle of a channel or portable queue holds a write lock on one
    // byte of the shared memory object's own descriptor, an open-file-description lock, which the
    // kernel drops when the last descriptor of that open file closes — with the handle or with its
    // process, whatever pid namespace looks. It uses fcntl with a pointer (FCNTL_PTR), struct flock,
    // F_WRLCK, F_UNLCK and SEEK_SET from "section mutex". glibc declares these under _GNU_SOURCE
    // (bits/fcntl-linux.h), musl unconditionally (fcntl.h); the same numbers on x86_64 and aarch64.
    // Linux 3.15 and later: an older kernel refuses them with EINVAL, and the layer falls back.

    /** Ask whether another open file description holds a conflicting lock (its l_pid is then -1). */
    public static final CConstant F_OFD_GETLK = CConstant.of("F_OFD_GETLK", 36);
    /** Set or clear a lock owned by the open file description, without waiting. */
    public static final CConstant F_OFD_SETLK = CConstant.of("F_OFD_SETLK", 37);
    // (end of section presence (peer liveness in any pid namespace))

    // ---------------------------------------------------------------- section pipe (FIFOs, Unix sockets, SCM_RIGHTS, peer credentials)
    // Checked with gcc (x86_64) and aarch64-linux-gnu-gcc against glibc 2.36; the ABI check
    // re-asserts every value. Reused from other sections: open, O_RDONLY, O_WRONLY, O_CLOEXEC and
    // fstat/S_IFMT (shm); read, write, fcntl, poll, O_NONBLOCK, POLLIN, F_GETFL (sync).

    public static final CConstant S_IFIFO = CConstant.of("S_IFIFO", 010000);
    public static final CConstant F_DUPFD_CLOEXEC = CConstant.of("F_DUPFD_CLOEXEC", 1030);
    public static final CConstant POLLOUT = CConstant.of("POLLOUT", 4);
    public static final CConstant POLLERR = CConstant.of("POLLERR", 8);
    public static final CConstant POLLHUP = CConstant.of("POLLHUP", 0x10);

    public static final CConstant AF_UNIX = CConstant.of("AF_UNIX", 1);
    public static final CConstant SOCK_SEQPACKET = CConstant.of("SOCK_SEQPACKET", 5);
    public static final CConstant SOCK_CLOEXEC = CConstant.of("SOCK_CLOEXEC", 02000000);
    public static final CConstant SOCK_NONBLOCK = CConstant.of("SOCK_NONBLOCK", 04000);
    public static final CConstant SOL_SOCKET = CConstant.of("SOL_SOCKET", 1);
    public static final CConstant SO_SNDBUF = CConstant.of("SO_SNDBUF", 7);
    public static final CConstant SO_PEERCRED = CConstant.of("SO_PEERCRED", 17);
    public static final CConstant SCM_RIGHTS = CConstant.of("SCM_RIGHTS", 1);
    public static final CConstant MSG_PEEK = CConstant.of("MSG_PEEK", 2);
    public static final CConstant MSG_CTRUNC = CConstant.of("MSG_CTRUNC", 8);
    public static final CConstant MSG_TRUNC = CConstant.of("MSG_TRUNC", 0x20);
    /** A send to a closed peer fails with EPIPE instead of raising SIGPIPE. */
    public static final CConstant MSG_NOSIGNAL = CConstant.of("MSG_NOSIGNAL", 0x4000);
    /** Descriptors received through SCM_RIGHTS are close-on-exec, so they do not leak into spawned children. */
    public static final CConstant MSG_CMSG_CLOEXEC = CConstant.of("MSG_CMSG_CLOEXEC", 0x40000000);

    /** {@code struct sockaddr_un}: the family, then 108 bytes of path (a leading NUL = abstract namespace). */
    public static final CStruct SOCKADDR_UN = CStruct.of("struct sockaddr_un", MemoryLayout.structLayout(
            ValueLayout.JAVA_SHORT.withName("sun_family"),
            MemoryLayout.sequenceLayout(108, ValueLayout.JAVA_BYTE).withName("sun_path")),
            Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.LINUX_X86_64_MUSL);

    /** {@code struct iovec}: the same on both targets. */
    public static final CStruct IOVEC = CStruct.of("struct iovec", MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("iov_base"), JAVA_LONG.withName("iov_len")),
            Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.LINUX_X86_64_MUSL);

    /** {@code struct msghdr}: the same on both targets (socklen_t msg_namelen and int msg_flags padded to 8). */
    private static final StructLayout MSGHDR_GLIBC = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            ValueLayout.ADDRESS.withName("msg_iov"),
            JAVA_LONG.withName("msg_iovlen"),
            ValueLayout.ADDRESS.withName("msg_control"),
            JAVA_LONG.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4));
    /**
     * {@code struct msghdr}: glibc declares msg_iovlen and msg_controllen as size_t; musl (64-bit
     * little-endian) as an int followed by 4 bytes of padding, where the kernel reads the high half
     * of its 64-bit field; the provider writes 64-bit values there, which are right on both.
     */
    public static final CStruct MSGHDR = CStruct.perTarget("struct msghdr",
            Target.LINUX_X86_64, MSGHDR_GLIBC, Target.LINUX_AARCH64, MSGHDR_GLIBC,
            Target.LINUX_X86_64_MUSL, MemoryLayout.structLayout(
                    ValueLayout.ADDRESS.withName("msg_name"),
                    JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
                    ValueLayout.ADDRESS.withName("msg_iov"),
                    JAVA_INT.withName("msg_iovlen"), MemoryLayout.paddingLayout(4),
                    ValueLayout.ADDRESS.withName("msg_control"),
                    JAVA_INT.withName("msg_controllen"), MemoryLayout.paddingLayout(4),
                    JAVA_INT.withName("msg_flags"), MemoryLayout.paddingLayout(4)));

    /** {@code struct cmsghdr} without its flexible data member, which starts at {@link #CMSG_DATA_OFFSET}. */
    private static final StructLayout CMSGHDR_GLIBC = MemoryLayout.structLayout(
            JAVA_LONG.withName("cmsg_len"), JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type"));
    public static final CStruct CMSGHDR = CStruct.perTarget("struct cmsghdr",
            Target.LINUX_X86_64, CMSGHDR_GLIBC, Target.LINUX_AARCH64, CMSGHDR_GLIBC,
            // musl: socklen_t cmsg_len and 4 bytes of padding, so 4-byte aligned; the same 16 bytes.
            Target.LINUX_X86_64_MUSL, MemoryLayout.structLayout(JAVA_INT.withName("cmsg_len"),
                    MemoryLayout.paddingLayout(4), JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type")));

    /** Control-buffer bytes for one descriptor: {@code CMSG_SPACE(sizeof(int))}. */
    public static final CConstant CMSG_SPACE_ONE_FD = CConstant.of("CMSG_SPACE(sizeof(int))", 24);
    /** {@code cmsg_len} of a message carrying one descriptor: {@code CMSG_LEN(sizeof(int))}. */
    public static final CConstant CMSG_LEN_ONE_FD = CConstant.of("CMSG_LEN(sizeof(int))", 20);
    /** Where {@code CMSG_DATA} points, from the header's start: {@code CMSG_LEN(0)}. */
    public static final CConstant CMSG_DATA_OFFSET = CConstant.of("CMSG_LEN(0)", 16);

    /** {@code struct ucred} (SO_PEERCRED): pid, uid, gid of the peer when it connected or listened. */
    public static final CStruct UCRED = CStruct.of("struct ucred", MemoryLayout.structLayout(
            JAVA_INT.withName("pid"), JAVA_INT.withName("uid"), JAVA_INT.withName("gid")),
            Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.LINUX_X86_64_MUSL);

    public static final CFunction MKFIFO = CFunction.of("int mkfifo(const char *path, mode_t mode)");
    public static final CFunction CHMOD = CFunction.of("int chmod(const char *file, mode_t mode)");
    public static final CFunction UNLINK = CFunction.of("int unlink(const char *name)");
    public static final CFunction GETEUID = CFunction.noErrno("uid_t geteuid(void)");
    public static final CFunction GETEGID = CFunction.noErrno("gid_t getegid(void)");
    public static final CFunction SOCKET = CFunction.of("int socket(int domain, int type, int protocol)");
    /** glibc with _GNU_SOURCE declares the address as a transparent union; it is passed as a pointer. */
    public static final CFunction BIND = CFunction.of("int bind(int fd, __CONST_SOCKADDR_ARG addr, socklen_t len)");
    public static final CFunction LISTEN = CFunction.of("int listen(int fd, int n)");
    public static final CFunction ACCEPT4 = CFunction.of(
            "int accept4(int fd, __SOCKADDR_ARG addr, socklen_t *addr_len, int flags)");
    public static final CFunction CONNECT = CFunction.of("int connect(int fd, __CONST_SOCKADDR_ARG addr, socklen_t len)");
    public static final CFunction SENDMSG = CFunction.of("ssize_t sendmsg(int fd, const struct msghdr *message, int flags)");
    public static final CFunction RECVMSG = CFunction.of("ssize_t recvmsg(int fd, struct msghdr *message, int flags)");
    public static final CFunction GETSOCKOPT = CFunction.of(
            "int getsockopt(int fd, int level, int optname, void *optval, socklen_t *optlen)");

    private static final MethodHandle mkfifo = BINDER.bind(MKFIFO);
    private static final MethodHandle chmod = BINDER.bind(CHMOD);
    private static final MethodHandle unlink = BINDER.bind(UNLINK);
    private static final MethodHandle geteuid = BINDER.bind(GETEUID);
    private static final MethodHandle getegid = BINDER.bind(GETEGID);
    private static final MethodHandle socket = BINDER.bind(SOCKET);
    private static final MethodHandle bind = BINDER.bind(BIND);
    private static final MethodHandle listen = BINDER.bind(LISTEN);
    private static final MethodHandle accept4 = BINDER.bind(ACCEPT4);
    private static final MethodHandle connect = BINDER.bind(CONNECT);
    private static final MethodHandle sendmsg = BINDER.bind(SENDMSG);
    private static final MethodHandle recvmsg = BINDER.bind(RECVMSG);
    private static final MethodHandle getsockopt = BINDER.bind(GETSOCKOPT);

    @Override
    public int mkfifo(MemorySegment state, MemorySegment path, int mode) {
        try {
            return (int) mkfifo.invokeExact(state, path, mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int chmod(MemorySegment state, MemorySegment path, int mode) {
        try {
            return (int) chmod.invokeExact(state, path, mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int unlink(MemorySegment state, MemorySegment path) {
        try {
            return (int) unlink.invokeExact(state, path);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int geteuid() {
        try {
            return (int) geteuid.invokeExact();
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int getegid() {
        try {
            return (int) getegid.invokeExact();
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int socket(MemorySegment state, int domain, int type, int protocol) {
        try {
            return (int) socket.invokeExact(state, domain, type, protocol);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code addr} holds a {@link #SOCKADDR_UN}; {@code len} is how much of it counts. */
    @Override
    public int bind(MemorySegment state, int fd, MemorySegment addr, int len) {
        try {
            return (int) bind.invokeExact(state, fd, addr, len);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int listen(MemorySegment state, int fd, int backlog) {
        try {
            return (int) listen.invokeExact(state, fd, backlog);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code addr} and {@code addrLen} may be {@link MemorySegment#NULL}. */
    @Override
    public int accept4(MemorySegment state, int fd, MemorySegment addr, MemorySegment addrLen, int flags) {
        try {
            return (int) accept4.invokeExact(state, fd, addr, addrLen, flags);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int connect(MemorySegment state, int fd, MemorySegment addr, int len) {
        try {
            return (int) connect.invokeExact(state, fd, addr, len);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public long sendmsg(MemorySegment state, int fd, MemorySegment msghdr, int flags) {
        try {
            return (long) sendmsg.invokeExact(state, fd, msghdr, flags);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public long recvmsg(MemorySegment state, int fd, MemorySegment msghdr, int flags) {
        try {
            return (long) recvmsg.invokeExact(state, fd, msghdr, flags);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int getsockopt(MemorySegment state, int fd, int level, int optname, MemorySegment optval,
                                 MemorySegment optlen) {
        try {
            return (int) getsockopt.invokeExact(state, fd, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    // --- what the POSIX layer's portable ways need (an OS without SOCK_CLOEXEC/accept4, as macOS,
    // takes them; on Linux a test forces them): plain accept, fcntl F_SETFD, stream sockets, setsockopt.

    public static final CConstant SOCK_STREAM = CConstant.of("SOCK_STREAM", 1);
    public static final CConstant F_SETFD = CConstant.of("F_SETFD", 2);
    public static final CConstant FD_CLOEXEC = CConstant.of("FD_CLOEXEC", 1);
    public static final CFunction ACCEPT = CFunction.of("int accept(int fd, __SOCKADDR_ARG addr, socklen_t *addr_len)");
    public static final CFunction SETSOCKOPT = CFunction.of(
            "int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen)");

    private static final MethodHandle accept = BINDER.bind(ACCEPT);
    private static final MethodHandle setsockopt = BINDER.bind(SETSOCKOPT);

    @Override
    public int accept(MemorySegment state, int fd, MemorySegment addr, MemorySegment addrLen) {
        try {
            return (int) accept.invokeExact(state, fd, addr, addrLen);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int setsockopt(MemorySegment state, int fd, int level, int optname, MemorySegment optval, int optlen) {
        try {
            return (int) setsockopt.invokeExact(state, fd, level, optname, optval, optlen);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Linux binds Unix sockets in the abstract namespace (unix(7)): a leading NUL in sun_path. */
    @Override
    public boolean abstractSockets() {
        return true;
    }

    /** SO_PEERCRED: the peer's pid, uid and gid as of its connect (or its listen, for a server). */
    @Override
    public io.ffmipc.PeerIdentity peerCredentials(int fd, String label) {
        try (java.lang.foreign.Arena a = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment cred = a.allocate(UCRED.layout());
            MemorySegment len = a.allocateFrom(JAVA_INT, (int) cred.byteSize());
            MemorySegment st = NativeBinder.callState();
            if (getsockopt(st, fd, SOL_SOCKET.intValue(), SO_PEERCRED.intValue(), cred, len) != 0) {
                throw Errno.exception("getsockopt SO_PEERCRED", label, errno(st));
            }
            return new io.ffmipc.PeerIdentity(cred.get(JAVA_INT, UCRED.offset("pid")),
                    Integer.toUnsignedLong(cred.get(JAVA_INT, UCRED.offset("uid"))),
                    Integer.toUnsignedLong(cred.get(JAVA_INT, UCRED.offset("gid"))));
        }
    }
    // (end of section pipe (FIFOs, Unix sockets, SCM_RIGHTS, peer credentials))

    private static Target requireLinux(Target t) {
        if (t == null || !t.isLinux()) {
            throw new IllegalStateException("the Linux binding was loaded on " + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch"));
        }
        return t;
    }

    // ---------------------------------------------------------------- the POSIX layer's lookups

    @Override
    public Target target() {
        return TARGET;
    }

    @Override
    public int constant(String macro) {
        CConstant c = Constants.BY_MACRO.get(macro);
        if (c == null) {
            throw new IllegalArgumentException("the Linux binding declares no constant " + macro);
        }
        return c.intValue();
    }

    @Override
    public boolean hasConstant(String macro) {
        return Constants.BY_MACRO.containsKey(macro);
    }

    @Override
    public CStruct struct(String cName) {
        CStruct s = Constants.STRUCTS.get(cName);
        if (s == null) {
            throw new IllegalArgumentException("the Linux binding declares no " + cName);
        }
        return s;
    }

    /**
     * glibc 2.34+ (the oldest the provider supports) has every optional function the layer asks for;
     * musl lacks sem_clockwait and posix_spawn_file_actions_addclosefrom_np ({@link GlibcOnly}).
     */
    @Override
    public boolean has(String function) {
        return GLIBC || !GlibcOnly.FUNCTIONS.contains(function);
    }

    @Override
    public OsError osError(int errno) {
        return Errno.osError(errno);
    }

    @Override
    public IpcException error(String operation, String objectName, int errno, String detail) {
        return Errno.exception(operation, objectName, errno, detail);
    }

    @Override
    public String userName(long uid) {
        return Users.name(uid);
    }

    @Override
    public int anonymousFile(MemorySegment state, MemorySegment label) {
        return memfdCreate(state, label, MFD_CLOEXEC.intValue() | MFD_ALLOW_SEALING.intValue());
    }

    @Override
    public int sealSize(MemorySegment state, int fd) {
        return fcntl(state, fd, F_ADD_SEALS.intValue(),
                F_SEAL_SHRINK.intValue() | F_SEAL_GROW.intValue() | F_SEAL_SEAL.intValue());
    }

    @Override
    public String descriptorPath(int fd) {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String sharedMemoryName(String storedName) {
        return io.ffmipc.IpcNames.linuxSharedMemory(storedName);
    }

    @Override
    public String posixName(String storedName) {
        return io.ffmipc.IpcNames.posix(storedName);
    }

    /** glibc's {@code __shm_get_name}: a semaphore {@code /X} is the file {@code sem.X} in /dev/shm. */
    @Override
    public String semaphoreFile(String osName) {
        return "/dev/shm/" + SEMAPHORE_FILE_PREFIX + osName.substring(1);
    }

    /** Never asked: glibc keeps every named semaphore in a file ({@link #semaphoreFile}). */
    @Override
    public long semaphoreOwner(MemorySegment sem) {
        return -1;
    }

    @Override
    public long processStartKey(long pid) {
        return ProcStat.startTicks(pid) & 0x7FFF_FFFFL;
    }

    /** glibc closes the rest through the file actions ({@code posix_spawn_file_actions_addclosefrom_np}). */
    @Override
    public MemorySegment spawnAttributes(java.lang.foreign.Arena arena) {
        return MemorySegment.NULL;
    }

    /**
     * glibc's {@code sem_open("/X")} keeps the semaphore in {@code /dev/shm/sem.X}; musl's in
     * {@code /dev/shm/X}, where shared memory named X lives too. Under musl the name carries the
     * prefix itself, so both C libraries use the file {@code sem.X} and a semaphore never meets
     * shared memory of its name (shared memory names may not start with {@code sem.}).
     */
    @Override
    public String semaphoreName(String storedName) {
        return GLIBC ? io.ffmipc.IpcNames.posix(storedName) : "/sem." + io.ffmipc.IpcNames.validateStored(storedName);
    }

    /** POSIX shared memory is the tmpfs at /dev/shm: a file directly in it is the object of that name. */
    @Override
    public String sharedMemoryOfPath(String path) {
        String prefix = "/dev/shm/";
        if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
            return path.substring(prefix.length());
        }
        return null;
    }

    /** The declarations of this class and {@link Errno} by C name, read once by reflection. */
    private static final class Constants {
        static final java.util.Map<String, CConstant> BY_MACRO = new java.util.HashMap<>();
        static final java.util.Map<String, CStruct> STRUCTS = new java.util.HashMap<>();

        static {
            for (Class<?> c : new Class<?>[] {LibC.class, Errno.class}) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        Object v = f.get(null);
                        if (v instanceof CConstant k && k.definedFor(TARGET)) {
                            BY_MACRO.put(k.macro(), k);
                        } else if (v instanceof CStruct st) {
                            STRUCTS.put(st.cName(), st);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
