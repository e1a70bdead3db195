package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The BSD side of libSystem (libsystem_kernel's system calls, libsystem_c): files, POSIX shared
 * memory and semaphores, System V IPC, FIFOs, Unix sockets, process spawning and process facts,
 * declared once for macos-arm64 and macos-x86_64 (the values are the same on both unless a
 * declaration says otherwise).
 *
 * <p>Declarations only: nothing here links native code, so the ABI check reads it on any OS. Every
 * value is in the macOS facts table ({@code macos-abi-facts.tsv}) with its source, and the generated
 * {@code _Static_assert} file compiles it against the SDK on the macOS legs of CI.
 *
 * <p>Where macOS differs from Linux in ways that break a copied binding: {@code mode_t} is 2 bytes
 * (it is passed promoted to int through {@code ...}); the System V structs are packed to 4 bytes, so
 * their 8-byte fields sit on 4-byte boundaries; {@code shm_open}, {@code sem_open}, {@code semctl},
 * {@code open} and {@code fcntl} are variadic and on arm64 their variadic arguments go on the stack,
 * so they must be linked with {@code firstVariadicArg}; {@code SEM_FAILED} is {@code (sem_t *) -1},
 * not NULL; {@code sem_t} is 4 bytes; {@code msg_iovlen} is an int; {@code nfds_t} is unsigned int;
 * and {@code fstat} is the symbol {@code fstat$INODE64} on x86_64 ({@link #SYMBOL_FSTAT_X86_64}).
 */
public final class LibSystem {
    private LibSystem() {
    }

    /** 8-byte fields inside the 4-byte-packed System V structs. */
    private static final MemoryLayout LONG_PACKED4 = JAVA_LONG.withByteAlignment(4);

    // ---------------------------------------------------------------- general

    public static final CFunction CLOSE = CFunction.of("int close(int fd)");
    public static final CFunction STRERROR = CFunction.noErrno("char *strerror(int errnum)");
    /** getpid(2); the field name has a suffix because GETPID is the semctl command below. */
    public static final CFunction GETPID_FN = CFunction.noErrno("pid_t getpid(void)");
    public static final CFunction GETEUID = CFunction.noErrno("uid_t geteuid(void)");
    public static final CFunction GETEGID = CFunction.noErrno("gid_t getegid(void)");
    public static final CFunction KILL = CFunction.of("int kill(pid_t pid, int sig)");
    public static final CFunction WAITPID = CFunction.of("pid_t waitpid(pid_t pid, int *stat_loc, int options)");

    public static final CConstant SIGKILL = CConstant.of("SIGKILL", 9);
    public static final CConstant SIGTERM = CConstant.of("SIGTERM", 15);
    public static final CConstant WNOHANG = CConstant.of("WNOHANG", 1);

    // ---------------------------------------------------------------- files, POSIX shared memory, mmap

    public static final CConstant O_RDONLY = CConstant.of("O_RDONLY", 0);
    public static final CConstant O_WRONLY = CConstant.of("O_WRONLY", 1);
    public static final CConstant O_RDWR = CConstant.of("O_RDWR", 2);
    public static final CConstant O_NONBLOCK = CConstant.of("O_NONBLOCK", 0x4);
    public static final CConstant O_NOFOLLOW = CConstant.of("O_NOFOLLOW", 0x100);
    public static final CConstant O_CREAT = CConstant.of("O_CREAT", 0x200);
    public static final CConstant O_TRUNC = CConstant.of("O_TRUNC", 0x400);
    public static final CConstant O_EXCL = CConstant.of("O_EXCL", 0x800);
    public static final CConstant O_CLOEXEC = CConstant.of("O_CLOEXEC", 0x1000000);

    public static final CConstant S_IFMT = CConstant.of("S_IFMT", 0170000);
    public static final CConstant S_IFIFO = CConstant.of("S_IFIFO", 0010000);
    public static final CConstant S_IFREG = CConstant.of("S_IFREG", 0100000);
    public static final CConstant S_IFSOCK = CConstant.of("S_IFSOCK", 0140000);

    public static final CConstant PROT_READ = CConstant.of("PROT_READ", 1);
    public static final CConstant PROT_WRITE = CConstant.of("PROT_WRITE", 2);
    public static final CConstant MAP_SHARED = CConstant.of("MAP_SHARED", 1);
    /** {@code (void *) -1}: a pointer cast is no integer constant expression, hence a table fact. */
    public static final TableFact MAP_FAILED = TableFact.constant("MAP_FAILED", -1);

    /**
     * The longest POSIX shared-memory name the kernel keeps (PSHMNAMLEN, in a private header): a
     * longer name fails with ENAMETOOLONG. Portable names longer than this take their short form.
     */
    public static final TableFact PSHMNAMLEN = TableFact.limit("PSHMNAMLEN", 31);

    /**
     * {@code struct timespec}: {@code tv_sec} (time_t) and {@code tv_nsec} (long), both 8 bytes.
     */
    public static final CStruct TIMESPEC = CStruct.of("struct timespec", MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    /**
     * {@code struct stat} with 64-bit inode numbers, the only layout on arm64 and the one the
     * {@code $INODE64} symbols use on x86_64. The four timespecs (access, modification, change, birth)
     * and the trailing spare fields are padding here.
     */
    public static final CStruct STAT = CStruct.of("struct stat", MemoryLayout.structLayout(
            JAVA_INT.withName("st_dev"),
            JAVA_SHORT.withName("st_mode"),
            JAVA_SHORT.withName("st_nlink"),
            JAVA_LONG.withName("st_ino"),
            JAVA_INT.withName("st_uid"),
            JAVA_INT.withName("st_gid"),
            JAVA_INT.withName("st_rdev"),
            MemoryLayout.paddingLayout(4 + 4 * 16), // alignment, st_atimespec .. st_birthtimespec
            JAVA_LONG.withName("st_size"),
            JAVA_LONG.withName("st_blocks"),
            JAVA_INT.withName("st_blksize"),
            MemoryLayout.paddingLayout(4 + 4 + 4 + 16)), // st_flags, st_gen, st_lspare, st_qspare[2]
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    /**
     * On x86_64 the 64-bit-inode {@code fstat} is the symbol {@code fstat$INODE64} (the plain
     * {@code fstat} fills the old 32-bit-inode layout); arm64 has only the one.
     */
    public static final TableFact SYMBOL_FSTAT_X86_64 = TableFact.symbol("fstat", Target.MACOS_X86_64, "fstat$INODE64");

    public static final CFunction OPEN = CFunction.variadic("int open(const char *path, int oflag, ...)", "mode_t");
    public static final CFunction UNLINK = CFunction.of("int unlink(const char *path)");
    public static final CFunction FTRUNCATE = CFunction.of("int ftruncate(int fildes, off_t length)");
    public static final CFunction FSTAT = CFunction.of("int fstat(int fildes, struct stat *buf)");
    public static final CFunction FCHMOD = CFunction.of("int fchmod(int fildes, mode_t mode)");
    public static final CFunction MMAP = CFunction.of(
            "void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)");
    public static final CFunction MUNMAP = CFunction.of("int munmap(void *addr, size_t len)");
    /**
     * Variadic on macOS (fixed on Linux): the mode is read from the stack on arm64. A second
     * {@code ftruncate} of a POSIX shared-memory object fails with EINVAL, and sizes round up to pages.
     */
    public static final CFunction SHM_OPEN = CFunction.variadic("int shm_open(const char *name, int oflag, ...)",
            "mode_t");
    public static final CFunction SHM_UNLINK = CFunction.of("int shm_unlink(const char *name)");

    // ---------------------------------------------------------------- fcntl: descriptor flags and record locks

    public static final CConstant F_GETFD = CConstant.of("F_GETFD", 1);
    public static final CConstant F_SETFD = CConstant.of("F_SETFD", 2);
    public static final CConstant F_GETFL = CConstant.of("F_GETFL", 3);
    public static final CConstant F_SETFL = CConstant.of("F_SETFL", 4);
    public static final CConstant F_GETLK = CConstant.of("F_GETLK", 7);
    public static final CConstant F_SETLK = CConstant.of("F_SETLK", 8);
    public static final CConstant F_SETLKW = CConstant.of("F_SETLKW", 9);
    public static final CConstant F_DUPFD_CLOEXEC = CConstant.of("F_DUPFD_CLOEXEC", 67);
    /** macOS has no SOCK_CLOEXEC or accept4: descriptors are made close-on-exec with F_SETFD. */
    public static final CConstant FD_CLOEXEC = CConstant.of("FD_CLOEXEC", 1);
    public static final CConstant F_RDLCK = CConstant.of("F_RDLCK", 1);
    public static final CConstant F_UNLCK = CConstant.of("F_UNLCK", 2);
    public static final CConstant F_WRLCK = CConstant.of("F_WRLCK", 3);
    public static final CConstant SEEK_SET = CConstant.of("SEEK_SET", 0);

    /** {@code struct flock}: the offsets first, then pid, type and whence (Linux puts type first). */
    public static final CStruct FLOCK = CStruct.of("struct flock", MemoryLayout.structLayout(
            JAVA_LONG.withName("l_start"),
            JAVA_LONG.withName("l_len"),
            JAVA_INT.withName("l_pid"),
            JAVA_SHORT.withName("l_type"),
            JAVA_SHORT.withName("l_whence")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** fcntl with an int argument (F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD_CLOEXEC). */
    public static final CFunction FCNTL_INT = CFunction.variadic("int fcntl(int fildes, int cmd, ...)", "int");
    /** fcntl with a pointer argument (F_GETLK, F_SETLK, F_SETLKW with a {@link #FLOCK}). */
    public static final CFunction FCNTL_PTR = CFunction.variadic("int fcntl(int fildes, int cmd, ...)", "void *");

    // ---------------------------------------------------------------- POSIX named semaphores

    /** {@code sizeof(sem_t)}: an int on macOS (32 bytes on Linux); sem_open returns a pointer to one. */
    public static final CConstant SIZEOF_SEM_T = CConstant.of("sizeof(sem_t)", 4);
    public static final CConstant SEM_VALUE_MAX = CConstant.of("SEM_VALUE_MAX", 32767);
    /** sem_open's error return, {@code (sem_t *) -1} on macOS (NULL on Linux). */
    public static final TableFact SEM_FAILED = TableFact.constant("SEM_FAILED", -1);
    /** The longest POSIX semaphore name (PSEMNAMLEN, private header); longer fails with ENAMETOOLONG. */
    public static final TableFact PSEMNAMLEN = TableFact.limit("PSEMNAMLEN", 31);

    /**
     * Variadic: mode and initial value are read from the stack on arm64. There is no
     * {@code sem_timedwait}, and {@code sem_getvalue}/{@code sem_init} are stubs failing with ENOSYS,
     * so neither is declared: a timed wait polls {@link #SEM_TRYWAIT}.
     */
    public static final CFunction SEM_OPEN = CFunction.variadic("sem_t *sem_open(const char *name, int oflag, ...)",
            "mode_t", "unsigned int");
    public static final CFunction SEM_CLOSE = CFunction.of("int sem_close(sem_t *sem)");
    public static final CFunction SEM_UNLINK = CFunction.of("int sem_unlink(const char *name)");
    public static final CFunction SEM_TRYWAIT = CFunction.of("int sem_trywait(sem_t *sem)");
    public static final CFunction SEM_WAIT = CFunction.of("int sem_wait(sem_t *sem)");
    public static final CFunction SEM_POST = CFunction.of("int sem_post(sem_t *sem)");

    // ---------------------------------------------------------------- System V IPC (4-byte packed structs)

    public static final CConstant IPC_PRIVATE = CConstant.of("IPC_PRIVATE", 0);
    public static final CConstant IPC_CREAT = CConstant.of("IPC_CREAT", 0x200);
    public static final CConstant IPC_EXCL = CConstant.of("IPC_EXCL", 0x400);
    public static final CConstant IPC_NOWAIT = CConstant.of("IPC_NOWAIT", 0x800);
    public static final CConstant IPC_RMID = CConstant.of("IPC_RMID", 0);
    public static final CConstant IPC_SET = CConstant.of("IPC_SET", 1);
    public static final CConstant IPC_STAT = CConstant.of("IPC_STAT", 2);
    public static final CConstant SEM_UNDO = CConstant.of("SEM_UNDO", 0x1000);
    /** The semctl commands: numbered 3..9 on macOS (11..17 on Linux). */
    public static final CConstant GETNCNT = CConstant.of("GETNCNT", 3);
    public static final CConstant GETPID = CConstant.of("GETPID", 4);
    public static final CConstant GETVAL = CConstant.of("GETVAL", 5);
    public static final CConstant GETALL = CConstant.of("GETALL", 6);
    public static final CConstant GETZCNT = CConstant.of("GETZCNT", 7);
    public static final CConstant SETVAL = CConstant.of("SETVAL", 8);
    public static final CConstant SETALL = CConstant.of("SETALL", 9);
    public static final CConstant MSG_NOERROR = CConstant.of("MSG_NOERROR", 0x1000);

    /** At most this many operations per semop call (the kernel's default seminfo.semopm); more fail with E2BIG. */
    public static final TableFact SEMOPM = TableFact.limit("SEMOPM", 5);
    /** The largest semaphore value (seminfo.semvmx); SETVAL above it fails with ERANGE. */
    public static final TableFact SEMVMX = TableFact.limit("SEMVMX", 32767);
    /** Default bytes per System V message queue (msginfo.msgmnb). */
    public static final TableFact MSGMNB = TableFact.limit("MSGMNB", 2048);
    /** Default System V messages system-wide (msginfo.msgtql). */
    public static final TableFact MSGTQL = TableFact.limit("MSGTQL", 40);
    /** Default largest System V shared-memory segment (shminfo.shmmax), 4 MiB. */
    public static final TableFact SHMMAX = TableFact.limit("SHMMAX", 4 * 1024 * 1024);
    /** Default System V segments one process may attach (shminfo.shmseg). */
    public static final TableFact SHMSEG = TableFact.limit("SHMSEG", 8);

    private static final StructLayout IPC_PERM_LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("uid"),
            JAVA_INT.withName("gid"),
            JAVA_INT.withName("cuid"),
            JAVA_INT.withName("cgid"),
            JAVA_SHORT.withName("mode"), // mode_t: 2 bytes
            JAVA_SHORT.withName("_seq"),
            JAVA_INT.withName("_key")); // the key comes last on macOS, first on Linux

    /** {@code struct ipc_perm}: 24 bytes (48 on Linux). */
    public static final CStruct IPC_PERM = CStruct.of("struct ipc_perm", IPC_PERM_LAYOUT,
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code struct sembuf}: the same as on Linux. */
    public static final CStruct SEMBUF = CStruct.of("struct sembuf", MemoryLayout.structLayout(
            JAVA_SHORT.withName("sem_num"), JAVA_SHORT.withName("sem_op"), JAVA_SHORT.withName("sem_flg")),
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code struct semid_ds}: packed to 4, so the times sit at 32 and 44. */
    public static final CStruct SEMID_DS = CStruct.of("struct semid_ds", MemoryLayout.structLayout(
            IPC_PERM_LAYOUT.withName("sem_perm"),
            JAVA_INT.withName("sem_base"),
            JAVA_SHORT.withName("sem_nsems"),
            MemoryLayout.paddingLayout(2),
            LONG_PACKED4.withName("sem_otime"),
            MemoryLayout.paddingLayout(4), // sem_pad1
            LONG_PACKED4.withName("sem_ctime"),
            MemoryLayout.paddingLayout(4 + 16)), // sem_pad2, sem_pad3[4]
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code struct shmid_ds}: 76 bytes packed to 4; {@code shm_nattch} is 2 bytes (8 on Linux). */
    public static final CStruct SHMID_DS = CStruct.of("struct shmid_ds", MemoryLayout.structLayout(
            IPC_PERM_LAYOUT.withName("shm_perm"),
            LONG_PACKED4.withName("shm_segsz"),
            JAVA_INT.withName("shm_lpid"),
            JAVA_INT.withName("shm_cpid"),
            JAVA_SHORT.withName("shm_nattch"),
            MemoryLayout.paddingLayout(2),
            LONG_PACKED4.withName("shm_atime"),
            LONG_PACKED4.withName("shm_dtime"),
            LONG_PACKED4.withName("shm_ctime"),
            MemoryLayout.paddingLayout(8)), // shm_internal
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code struct msqid_ds}: 116 bytes packed to 4. */
    public static final CStruct MSQID_DS = CStruct.of("struct msqid_ds", MemoryLayout.structLayout(
            IPC_PERM_LAYOUT.withName("msg_perm"),
            MemoryLayout.paddingLayout(8), // msg_first, msg_last
            LONG_PACKED4.withName("msg_cbytes"),
            LONG_PACKED4.withName("msg_qnum"),
            LONG_PACKED4.withName("msg_qbytes"),
            JAVA_INT.withName("msg_lspid"),
            JAVA_INT.withName("msg_lrpid"),
            LONG_PACKED4.withName("msg_stime"),
            MemoryLayout.paddingLayout(4),
            LONG_PACKED4.withName("msg_rtime"),
            MemoryLayout.paddingLayout(4),
            LONG_PACKED4.withName("msg_ctime"),
            MemoryLayout.paddingLayout(4 + 16)), // msg_pad3, msg_pad4[4]
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    public static final CFunction SEMGET = CFunction.of("int semget(key_t key, int nsems, int semflg)");
    /** No semtimedop on macOS: a timed wait polls with IPC_NOWAIT. {@code nsops} at most {@link #SEMOPM}. */
    public static final CFunction SEMOP = CFunction.of("int semop(int semid, struct sembuf *sops, size_t nsops)");
    /**
     * semctl for commands whose fourth argument is an int or absent (SETVAL, GETVAL, GETPID, GETNCNT,
     * IPC_RMID). The C argument is a {@code union semun} passed by value; an int in the same
     * variadic slot is read as its {@code val}.
     */
    public static final CFunction SEMCTL_INT = CFunction.variadic("int semctl(int semid, int semnum, int cmd, ...)",
            "int");
    /** semctl for commands whose fourth argument is a pointer (IPC_STAT, SETALL, GETALL). */
    public static final CFunction SEMCTL_PTR = CFunction.variadic("int semctl(int semid, int semnum, int cmd, ...)",
            "void *");
    public static final CFunction SHMGET = CFunction.of("int shmget(key_t key, size_t size, int shmflg)");
    public static final CFunction SHMAT = CFunction.of("void *shmat(int shmid, const void *shmaddr, int shmflg)");
    public static final CFunction SHMDT = CFunction.of("int shmdt(const void *shmaddr)");
    public static final CFunction SHMCTL = CFunction.of("int shmctl(int shmid, int cmd, struct shmid_ds *buf)");
    public static final CFunction MSGGET = CFunction.of("int msgget(key_t key, int msgflg)");
    public static final CFunction MSGSND = CFunction.of(
            "int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)");
    public static final CFunction MSGRCV = CFunction.of(
            "ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)");
    public static final CFunction MSGCTL = CFunction.of("int msgctl(int msqid, int cmd, struct msqid_ds *buf)");

    // ---------------------------------------------------------------- FIFOs, pipes, poll

    public static final CConstant POLLIN = CConstant.of("POLLIN", 0x1);
    public static final CConstant POLLOUT = CConstant.of("POLLOUT", 0x4);
    public static final CConstant POLLERR = CConstant.of("POLLERR", 0x8);
    public static final CConstant POLLHUP = CConstant.of("POLLHUP", 0x10);
    public static final CConstant POLLNVAL = CConstant.of("POLLNVAL", 0x20);

    public static final CStruct POLLFD = CStruct.of("struct pollfd", MemoryLayout.structLayout(
            JAVA_INT.withName("fd"), JAVA_SHORT.withName("events"), JAVA_SHORT.withName("revents")),
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    public static final CFunction MKFIFO = CFunction.of("int mkfifo(const char *path, mode_t mode)");
    public static final CFunction PIPE = CFunction.of("int pipe(int *fildes)");
    public static final CFunction READ = CFunction.of("ssize_t read(int fildes, void *buf, size_t nbyte)");
    public static final CFunction WRITE = CFunction.of("ssize_t write(int fildes, const void *buf, size_t nbyte)");
    /** {@code nfds_t} is unsigned int on macOS (unsigned long on Linux). */
    public static final CFunction POLL = CFunction.of("int poll(struct pollfd *fds, unsigned int nfds, int timeout)");

    // ---------------------------------------------------------------- Unix sockets, SCM_RIGHTS, peer credentials

    public static final CConstant AF_UNIX = CConstant.of("AF_UNIX", 1);
    /** The only connection-oriented AF_UNIX type: SOCK_SEQPACKET fails with EPROTONOSUPPORT. */
    public static final CConstant SOCK_STREAM = CConstant.of("SOCK_STREAM", 1);
    public static final CConstant SOL_SOCKET = CConstant.of("SOL_SOCKET", 0xffff);
    /** Per socket: a write to a closed peer fails with EPIPE instead of raising SIGPIPE. */
    public static final CConstant SO_NOSIGPIPE = CConstant.of("SO_NOSIGPIPE", 0x1022);
    public static final CConstant SO_SNDBUF = CConstant.of("SO_SNDBUF", 0x1001);
    public static final CConstant SO_RCVBUF = CConstant.of("SO_RCVBUF", 0x1002);
    public static final CConstant SCM_RIGHTS = CConstant.of("SCM_RIGHTS", 1);
    public static final CConstant MSG_PEEK = CConstant.of("MSG_PEEK", 0x2);
    /** Note: MSG_TRUNC and MSG_CTRUNC are swapped relative to Linux. */
    public static final CConstant MSG_TRUNC = CConstant.of("MSG_TRUNC", 0x10);
    public static final CConstant MSG_CTRUNC = CConstant.of("MSG_CTRUNC", 0x20);
    public static final CConstant MSG_DONTWAIT = CConstant.of("MSG_DONTWAIT", 0x80);
    /** getsockopt level of the local-domain options below. */
    public static final CConstant SOL_LOCAL = CConstant.of("SOL_LOCAL", 0);
    /** The peer's credentials as a {@link #XUCRED}, taken when it connected or listened. */
    public static final CConstant LOCAL_PEERCRED = CConstant.of("LOCAL_PEERCRED", 1);
    /** The pid of the last process to use the peer socket (not necessarily the one that made it). */
    public static final CConstant LOCAL_PEERPID = CConstant.of("LOCAL_PEERPID", 2);
    public static final CConstant XUCRED_VERSION = CConstant.of("XUCRED_VERSION", 0);

    /** {@code struct sockaddr_un}: length byte, family byte, 104 bytes of path (108 on Linux). */
    public static final CStruct SOCKADDR_UN = CStruct.of("struct sockaddr_un", MemoryLayout.structLayout(
            JAVA_BYTE.withName("sun_len"),
            JAVA_BYTE.withName("sun_family"),
            MemoryLayout.sequenceLayout(104, JAVA_BYTE).withName("sun_path")),
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    public static final CStruct IOVEC = CStruct.of("struct iovec", MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"), JAVA_LONG.withName("iov_len")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code struct msghdr}: {@code msg_iovlen} is an int and {@code msg_controllen} a socklen_t. */
    public static final CStruct MSGHDR = CStruct.of("struct msghdr", MemoryLayout.structLayout(
            ADDRESS.withName("msg_name"),
            JAVA_INT.withName("msg_namelen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_iov"),
            JAVA_INT.withName("msg_iovlen"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("msg_control"),
            JAVA_INT.withName("msg_controllen"),
            JAVA_INT.withName("msg_flags")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code struct cmsghdr}: three 4-byte fields, aligned to 4; its data starts at {@link #CMSG_DATA_OFFSET}. */
    public static final CStruct CMSGHDR = CStruct.of("struct cmsghdr", MemoryLayout.structLayout(
            JAVA_INT.withName("cmsg_len"), JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type")),
            Target.MACOS_ARM64, Target.MACOS_X86_64);
    /** Where {@code CMSG_DATA} points from the header's start: {@code CMSG_LEN(0)}. */
    public static final CConstant CMSG_DATA_OFFSET = CConstant.of("CMSG_LEN(0)", 12);
    /** {@code cmsg_len} of a message carrying one descriptor. */
    public static final CConstant CMSG_LEN_ONE_FD = CConstant.of("CMSG_LEN(sizeof(int))", 16);
    /** Control-buffer bytes for one descriptor. */
    public static final CConstant CMSG_SPACE_ONE_FD = CConstant.of("CMSG_SPACE(sizeof(int))", 16);

    /** {@code struct xucred} (LOCAL_PEERCRED): version, effective uid, then up to 16 groups. */
    public static final CStruct XUCRED = CStruct.of("struct xucred", MemoryLayout.structLayout(
            JAVA_INT.withName("cr_version"),
            JAVA_INT.withName("cr_uid"),
            JAVA_SHORT.withName("cr_ngroups"),
            MemoryLayout.paddingLayout(2),
            MemoryLayout.sequenceLayout(16, JAVA_INT).withName("cr_groups")),
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    public static final CFunction SOCKET = CFunction.of("int socket(int domain, int type, int protocol)");
    public static final CFunction BIND = CFunction.of(
            "int bind(int socket, const struct sockaddr *address, socklen_t address_len)");
    public static final CFunction LISTEN = CFunction.of("int listen(int socket, int backlog)");
    /** No accept4 on macOS: the accepted descriptor is made close-on-exec with fcntl F_SETFD. */
    public static final CFunction ACCEPT = CFunction.of(
            "int accept(int socket, struct sockaddr *address, socklen_t *address_len)");
    public static final CFunction CONNECT = CFunction.of(
            "int connect(int socket, const struct sockaddr *address, socklen_t address_len)");
    public static final CFunction SENDMSG = CFunction.of(
            "ssize_t sendmsg(int socket, const struct msghdr *message, int flags)");
    public static final CFunction RECVMSG = CFunction.of("ssize_t recvmsg(int socket, struct msghdr *message, int flags)");
    public static final CFunction GETSOCKOPT = CFunction.of(
            "int getsockopt(int socket, int level, int option_name, void *option_value, socklen_t *option_len)");
    public static final CFunction SETSOCKOPT = CFunction.of(
            "int setsockopt(int socket, int level, int option_name, const void *option_value, socklen_t option_len)");

    // ---------------------------------------------------------------- process spawning
    // posix_spawn* return an error number instead of setting errno, hence noErrno.

    /** Every descriptor not named by a file action is closed in the child: nothing leaks into it. */
    public static final CConstant POSIX_SPAWN_CLOEXEC_DEFAULT = CConstant.of("POSIX_SPAWN_CLOEXEC_DEFAULT", 0x4000);
    public static final CConstant POSIX_SPAWN_SETSIGDEF = CConstant.of("POSIX_SPAWN_SETSIGDEF", 0x04);
    public static final CConstant POSIX_SPAWN_SETSIGMASK = CConstant.of("POSIX_SPAWN_SETSIGMASK", 0x08);
    /** Both spawn object types are a single pointer, allocated by the _init calls. */
    public static final CConstant SIZEOF_POSIX_SPAWN_FILE_ACTIONS_T = CConstant.of(
            "sizeof(posix_spawn_file_actions_t)", 8);
    public static final CConstant SIZEOF_POSIX_SPAWNATTR_T = CConstant.of("sizeof(posix_spawnattr_t)", 8);

    public static final CFunction POSIX_SPAWN = CFunction.noErrno("int posix_spawn(pid_t *pid, const char *path, "
            + "const posix_spawn_file_actions_t *file_actions, const posix_spawnattr_t *attrp, "
            + "char *const *argv, char *const *envp)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_INIT = CFunction.noErrno(
            "int posix_spawn_file_actions_init(posix_spawn_file_actions_t *file_actions)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_DESTROY = CFunction.noErrno(
            "int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *file_actions)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_ADDDUP2 = CFunction.noErrno(
            "int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *file_actions, int filedes, int newfiledes)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_ADDCLOSE = CFunction.noErrno(
            "int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *file_actions, int filedes)");
    /** Keeps one descriptor, under its own number, across POSIX_SPAWN_CLOEXEC_DEFAULT (macOS 10.7+). */
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_ADDINHERIT_NP = CFunction.noErrno(
            "int posix_spawn_file_actions_addinherit_np(posix_spawn_file_actions_t *file_actions, int filedes)");
    public static final CFunction POSIX_SPAWNATTR_INIT = CFunction.noErrno(
            "int posix_spawnattr_init(posix_spawnattr_t *attr)");
    public static final CFunction POSIX_SPAWNATTR_DESTROY = CFunction.noErrno(
            "int posix_spawnattr_destroy(posix_spawnattr_t *attr)");
    public static final CFunction POSIX_SPAWNATTR_SETFLAGS = CFunction.noErrno(
            "int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)");

    // ---------------------------------------------------------------- process facts (liveness that survives pid reuse)

    /** proc_pidinfo flavor that fills a {@link #PROC_BSDINFO}. */
    public static final CConstant PROC_PIDTBSDINFO = CConstant.of("PROC_PIDTBSDINFO", 3);
    public static final CConstant PROC_PIDTBSDINFO_SIZE = CConstant.of("PROC_PIDTBSDINFO_SIZE", 136);

    /**
     * {@code struct proc_bsdinfo}: the process's ids and its start time (seconds and microseconds
     * since the epoch, fixed at fork). Only for processes of the caller's own user: xnu's
     * {@code proc_pidinfo} checks the same user for this flavor ({@code CHECK_SAME_USER} in
     * {@code bsd/kern/proc_info.c}), so liveness reads {@link #KINFO_PROC} instead.
     */
    public static final CStruct PROC_BSDINFO = CStruct.of("struct proc_bsdinfo", MemoryLayout.structLayout(
            MemoryLayout.paddingLayout(12), // pbi_flags, pbi_status, pbi_xstatus
            JAVA_INT.withName("pbi_pid"),
            JAVA_INT.withName("pbi_ppid"),
            JAVA_INT.withName("pbi_uid"),
            MemoryLayout.paddingLayout(96), // gids, real/saved ids, rfu_1, pbi_comm, pbi_name, counters, pbi_nice
            JAVA_LONG.withName("pbi_start_tvsec"),
            JAVA_LONG.withName("pbi_start_tvusec")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    /**
     * Returns the bytes written into {@code buffer} ({@link #PROC_PIDTBSDINFO_SIZE} on success), or 0
     * or less with errno set (ESRCH: no such process).
     */
    public static final CFunction PROC_PIDINFO = CFunction.of(
            "int proc_pidinfo(int pid, int flavor, uint64_t arg, void *buffer, int buffersize)");

    /** proc_pidfdinfo flavor that fills a {@link #PSEM_FDINFO}: what the kernel keeps of an open POSIX semaphore. */
    public static final CConstant PROC_PIDFDPSEMINFO = CConstant.of("PROC_PIDFDPSEMINFO", 4);
    public static final CConstant PROC_PIDFDPSEMINFO_SIZE = CConstant.of("PROC_PIDFDPSEMINFO_SIZE", 1184);

    /**
     * {@code struct psem_fdinfo}: the descriptor's {@code proc_fileinfo} (24 bytes), then the
     * semaphore's {@code vinfo_stat} (mode, owner; filled by xnu's {@code fill_pseminfo}) and its
     * name. Only the owner is read: a named semaphore on macOS is no file, so this is the one place
     * its owner shows.
     */
    public static final CStruct PSEM_FDINFO = CStruct.of("struct psem_fdinfo", MemoryLayout.structLayout(
            MemoryLayout.paddingLayout(24), // pfi: fi_openflags, fi_status, fi_offset, fi_type, fi_guardflags
            MemoryLayout.structLayout(
                    MemoryLayout.structLayout(
                            MemoryLayout.paddingLayout(4), // vst_dev
                            JAVA_SHORT.withName("vst_mode"),
                            MemoryLayout.paddingLayout(2 + 8), // vst_nlink, vst_ino
                            JAVA_INT.withName("vst_uid"),
                            JAVA_INT.withName("vst_gid"),
                            MemoryLayout.paddingLayout(112)).withName("psem_stat"), // times, size .. vst_qspare[2]
                    MemoryLayout.sequenceLayout(1024, JAVA_BYTE).withName("psem_name")).withName("pseminfo"))
            .withByteAlignment(8), // its 8-byte fields (fi_offset, the times) are padding here
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    /**
     * Fills {@code buffer} with facts about descriptor {@code fd} of process {@code pid}: the bytes
     * written ({@link #PROC_PIDFDPSEMINFO_SIZE} on success), or 0 or less with errno set.
     */
    public static final CFunction PROC_PIDFDINFO = CFunction.of(
            "int proc_pidfdinfo(int pid, int fd, int flavor, void *buffer, int buffersize)");

    // ---------------------------------------------------------------- what the POSIX layer needs besides (issue 11, round 2)

    /** posix_spawn with a PATH search, as the layer's launcher spawns (an error number, not errno). */
    public static final CFunction POSIX_SPAWNP = CFunction.noErrno("int posix_spawnp(pid_t *pid, const char *file, "
            + "const posix_spawn_file_actions_t *file_actions, const posix_spawnattr_t *attrp, "
            + "char *const *argv, char *const *envp)");
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_ADDOPEN = CFunction.noErrno(
            "int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *file_actions, int filedes,"
                    + " const char *path, int oflag, mode_t mode)");
    /**
     * The process's {@code environ}: a shared library cannot link the variable itself on macOS
     * ({@code crt_externs.h}), so it asks for its address.
     */
    public static final CFunction NSGETENVIRON = CFunction.noErrno("char ***_NSGetEnviron(void)");

    public static final CConstant CLOCK_REALTIME = CConstant.of("CLOCK_REALTIME", 0);
    public static final CConstant CLOCK_MONOTONIC = CConstant.of("CLOCK_MONOTONIC", 6);
    /** {@code clockid_t} is an enum on macOS (an int on Linux): the same 4 bytes in a call. */
    public static final CFunction CLOCK_GETTIME = CFunction.of("int clock_gettime(clockid_t clock_id, struct timespec *tp)");

    public static final CFunction PREAD = CFunction.of("ssize_t pread(int fildes, void *buf, size_t nbyte, off_t offset)");
    public static final CFunction PWRITE = CFunction.of(
            "ssize_t pwrite(int fildes, const void *buf, size_t nbyte, off_t offset)");
    public static final CFunction CHMOD = CFunction.of("int chmod(const char *path, mode_t mode)");

    /** fcntl command that copies the path an open file is known by into a MAXPATHLEN buffer (files only, not shared memory). */
    public static final CConstant F_GETPATH = CConstant.of("F_GETPATH", 50);
    public static final CConstant MAXPATHLEN = CConstant.of("MAXPATHLEN", 1024);

    /**
     * {@code struct passwd} (Libinfo's {@code pwd.h}): only the login name is read. On macOS users
     * live in Directory Services, not only {@code /etc/passwd}, so the name must come from libc.
     */
    public static final CStruct PASSWD = CStruct.of("struct passwd", MemoryLayout.structLayout(
            ADDRESS.withName("pw_name"),
            ADDRESS.withName("pw_passwd"),
            JAVA_INT.withName("pw_uid"),
            JAVA_INT.withName("pw_gid"),
            JAVA_LONG.withName("pw_change"),
            ADDRESS.withName("pw_class"),
            ADDRESS.withName("pw_gecos"),
            ADDRESS.withName("pw_dir"),
            ADDRESS.withName("pw_shell"),
            JAVA_LONG.withName("pw_expire")), Target.MACOS_ARM64, Target.MACOS_X86_64);
    /** Returns 0 or an error number; {@code *result} is NULL when no such user exists. */
    public static final CFunction GETPWUID_R = CFunction.noErrno("int getpwuid_r(uid_t uid, struct passwd *pwd,"
            + " char *buffer, size_t bufsize, struct passwd **result)");

    /**
     * Reads a kernel value by name ({@code kern.sysv.shmmax}, {@code hw.memsize}): 0, or -1 with errno.
     * The System V limits live here on macOS (Linux: {@code /proc/sys/kernel}).
     */
    public static final CFunction SYSCTLBYNAME = CFunction.of(
            "int sysctlbyname(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen)");
    /**
     * The largest message the System V kernel keeps ({@code MSGSSZ * MSGSEG}, 8 * 2048): fixed when the
     * kernel is built; there is no sysctl for it, and a queue holds at most {@link #MSGMNB} bytes anyway.
     */
    public static final TableFact MSGMAX = TableFact.limit("MSGMAX", 16384);
    /** The {@code sysctl} name {@code {CTL_KERN, KERN_PROC, KERN_PROC_PID, pid}}: one {@link #KINFO_PROC}. */
    public static final CConstant CTL_KERN = CConstant.of("CTL_KERN", 1);
    public static final CConstant KERN_PROC = CConstant.of("KERN_PROC", 14);
    public static final CConstant KERN_PROC_PID = CConstant.of("KERN_PROC_PID", 1);

    /**
     * {@code struct kinfo_proc} ({@code sys/sysctl.h}): only the start time is read, the union
     * {@code kp_proc.p_un} seen as its {@code __p_starttime} (a {@code struct timeval}; the header's
     * {@code p_starttime} is a macro for it). Any user may read any process's (as {@code ps} does),
     * unlike {@link #PROC_BSDINFO}; a pid with no process gives 0 bytes.
     */
    public static final CStruct KINFO_PROC = CStruct.of("struct kinfo_proc", MemoryLayout.structLayout(
            MemoryLayout.structLayout(
                    MemoryLayout.structLayout(
                            MemoryLayout.structLayout(
                                    JAVA_LONG.withName("tv_sec"),
                                    JAVA_INT.withName("tv_usec"),
                                    MemoryLayout.paddingLayout(4)).withName("__p_starttime")).withName("p_un"),
                    MemoryLayout.paddingLayout(296 - 16)).withName("kp_proc"), // the rest of struct extern_proc
            MemoryLayout.paddingLayout(648 - 296)), // kp_eproc
            Target.MACOS_ARM64, Target.MACOS_X86_64);
    /** Reads a kernel value by its numeric name: 0, or -1 with errno. */
    public static final CFunction SYSCTL = CFunction.of(
            "int sysctl(int *name, unsigned int namelen, void *oldp, size_t *oldlenp, void *newp, size_t newlen)");

    /** Default System V message queues system-wide (msginfo.msgmni). */
    public static final TableFact MSGMNI = TableFact.limit("MSGMNI", 40);
}
