package io.ffmipc.macos.ffi;

import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import io.ffmipc.OsError;
import io.ffmipc.PeerIdentity;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.ffi.Target;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.spi.IpcErrors;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static io.ffmipc.ffi.NativeBinder.unchecked;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * libSystem as the POSIX layer sees it ({@link PosixLibrary}): the declarations of {@link LibSystem}
 * and {@link Errno} linked on one macOS target, with macOS's answers to the layer's questions.
 *
 * <p>What macOS lacks the layer does without, through {@link #has}: no {@code sem_timedwait}
 * (timed semaphore waits poll), no {@code semtimedop} (System V waits poll), no {@code accept4},
 * {@code SOCK_CLOEXEC} or {@code MSG_CMSG_CLOEXEC} (fcntl after the fact), no {@code posix_fallocate},
 * no {@code posix_spawn_file_actions_addclosefrom_np} ({@link #spawnAttributes} closes the rest), no
 * POSIX message queues, no abstract socket names. The optional calls throw
 * {@link UnsupportedOperationException} if asked anyway: nothing here pretends to have done them.
 *
 * <p>Built with the real lookup by {@link #load}; tests build it over stand-in symbols on any OS.
 */
public final class MacosPosix implements PosixLibrary {
    /** Where the anchor files of System V objects live: see {@link #anchorFile}. */
    public static final String ANCHOR_DIRECTORY = "/var/tmp/";
    private static final long ERRNO_OFFSET = Linker.Option.captureStateLayout()
            .byteOffset(MemoryLayout.PathElement.groupElement("errno"));

    private final MacosLinker linker;
    private final MacosDeclarations declarations;
    private final int enosys;

    private final MethodHandle close;
    private final MethodHandle strerror;
    private final MethodHandle getpid;
    private final MethodHandle geteuid;
    private final MethodHandle getegid;
    private final MethodHandle kill;
    private final MethodHandle waitpid;
    private final MethodHandle open;
    private final MethodHandle unlink;
    private final MethodHandle ftruncate;
    private final MethodHandle fstat;
    private final MethodHandle fchmod;
    private final MethodHandle chmod;
    private final MethodHandle mmap;
    private final MethodHandle munmap;
    private final MethodHandle shmOpen;
    private final MethodHandle shmUnlink;
    private final MethodHandle fcntlInt;
    private final MethodHandle fcntlPtr;
    private final MethodHandle pread;
    private final MethodHandle pwrite;
    private final MethodHandle read;
    private final MethodHandle write;
    private final MethodHandle poll;
    private final MethodHandle clockGettime;
    private final MethodHandle semOpen;
    private final MethodHandle semClose;
    private final MethodHandle semUnlink;
    private final MethodHandle semTrywait;
    private final MethodHandle semPost;
    private final MethodHandle semget;
    private final MethodHandle semop;
    private final MethodHandle semctlInt;
    private final MethodHandle semctlPtr;
    private final MethodHandle shmget;
    private final MethodHandle shmat;
    private final MethodHandle shmdt;
    private final MethodHandle shmctl;
    private final MethodHandle msgget;
    private final MethodHandle msgsnd;
    private final MethodHandle msgrcv;
    private final MethodHandle msgctl;
    private final MethodHandle mkfifo;
    private final MethodHandle socket;
    private final MethodHandle bind;
    private final MethodHandle listen;
    private final MethodHandle accept;
    private final MethodHandle connect;
    private final MethodHandle sendmsg;
    private final MethodHandle recvmsg;
    private final MethodHandle getsockopt;
    private final MethodHandle setsockopt;
    private final MethodHandle posixSpawnp;
    private final MethodHandle faInit;
    private final MethodHandle faDestroy;
    private final MethodHandle faAdddup2;
    private final MethodHandle faAddclose;
    private final MethodHandle faAddopen;
    private final MethodHandle attrInit;
    private final MethodHandle attrDestroy;
    private final MethodHandle attrSetflags;
    private final MethodHandle nsGetEnviron;
    private final MethodHandle procPidfdinfo;
    private final MethodHandle sysctl;
    private final MethodHandle sysctlbyname;
    private final MethodHandle getpwuidR;

    /** Links every function of the binding now: a missing symbol fails here, naming it. */
    public MacosPosix(MacosLinker linker) {
        this.linker = linker;
        this.declarations = new MacosDeclarations(linker.target());
        this.enosys = (int) Errno.ENOSYS.value(linker.target());
        close = linker.bind(LibSystem.CLOSE);
        strerror = linker.bind(LibSystem.STRERROR);
        getpid = linker.bind(LibSystem.GETPID_FN);
        geteuid = linker.bind(LibSystem.GETEUID);
        getegid = linker.bind(LibSystem.GETEGID);
        kill = linker.bind(LibSystem.KILL);
        waitpid = linker.bind(LibSystem.WAITPID);
        open = linker.bind(LibSystem.OPEN);
        unlink = linker.bind(LibSystem.UNLINK);
        ftruncate = linker.bind(LibSystem.FTRUNCATE);
        fstat = linker.bind(LibSystem.FSTAT);
        fchmod = linker.bind(LibSystem.FCHMOD);
        chmod = linker.bind(LibSystem.CHMOD);
        mmap = linker.bind(LibSystem.MMAP);
        munmap = linker.bind(LibSystem.MUNMAP);
        shmOpen = linker.bind(LibSystem.SHM_OPEN);
        shmUnlink = linker.bind(LibSystem.SHM_UNLINK);
        fcntlInt = linker.bind(LibSystem.FCNTL_INT);
        fcntlPtr = linker.bind(LibSystem.FCNTL_PTR);
        pread = linker.bind(LibSystem.PREAD);
        pwrite = linker.bind(LibSystem.PWRITE);
        read = linker.bind(LibSystem.READ);
        write = linker.bind(LibSystem.WRITE);
        poll = linker.bind(LibSystem.POLL);
        clockGettime = linker.bind(LibSystem.CLOCK_GETTIME);
        semOpen = linker.bind(LibSystem.SEM_OPEN);
        semClose = linker.bind(LibSystem.SEM_CLOSE);
        semUnlink = linker.bind(LibSystem.SEM_UNLINK);
        semTrywait = linker.bind(LibSystem.SEM_TRYWAIT);
        semPost = linker.bind(LibSystem.SEM_POST);
        semget = linker.bind(LibSystem.SEMGET);
        semop = linker.bind(LibSystem.SEMOP);
        semctlInt = linker.bind(LibSystem.SEMCTL_INT);
        semctlPtr = linker.bind(LibSystem.SEMCTL_PTR);
        shmget = linker.bind(LibSystem.SHMGET);
        shmat = linker.bind(LibSystem.SHMAT);
        shmdt = linker.bind(LibSystem.SHMDT);
        shmctl = linker.bind(LibSystem.SHMCTL);
        msgget = linker.bind(LibSystem.MSGGET);
        msgsnd = linker.bind(LibSystem.MSGSND);
        msgrcv = linker.bind(LibSystem.MSGRCV);
        msgctl = linker.bind(LibSystem.MSGCTL);
        mkfifo = linker.bind(LibSystem.MKFIFO);
        socket = linker.bind(LibSystem.SOCKET);
        bind = linker.bind(LibSystem.BIND);
        listen = linker.bind(LibSystem.LISTEN);
        accept = linker.bind(LibSystem.ACCEPT);
        connect = linker.bind(LibSystem.CONNECT);
        sendmsg = linker.bind(LibSystem.SENDMSG);
        recvmsg = linker.bind(LibSystem.RECVMSG);
        getsockopt = linker.bind(LibSystem.GETSOCKOPT);
        setsockopt = linker.bind(LibSystem.SETSOCKOPT);
        posixSpawnp = linker.bind(LibSystem.POSIX_SPAWNP);
        faInit = linker.bind(LibSystem.POSIX_SPAWN_FILE_ACTIONS_INIT);
        faDestroy = linker.bind(LibSystem.POSIX_SPAWN_FILE_ACTIONS_DESTROY);
        faAdddup2 = linker.bind(LibSystem.POSIX_SPAWN_FILE_ACTIONS_ADDDUP2);
        faAddclose = linker.bind(LibSystem.POSIX_SPAWN_FILE_ACTIONS_ADDCLOSE);
        faAddopen = linker.bind(LibSystem.POSIX_SPAWN_FILE_ACTIONS_ADDOPEN);
        attrInit = linker.bind(LibSystem.POSIX_SPAWNATTR_INIT);
        attrDestroy = linker.bind(LibSystem.POSIX_SPAWNATTR_DESTROY);
        attrSetflags = linker.bind(LibSystem.POSIX_SPAWNATTR_SETFLAGS);
        nsGetEnviron = linker.bind(LibSystem.NSGETENVIRON);
        procPidfdinfo = linker.bind(LibSystem.PROC_PIDFDINFO);
        sysctl = linker.bind(LibSystem.SYSCTL);
        sysctlbyname = linker.bind(LibSystem.SYSCTLBYNAME);
        getpwuidR = linker.bind(LibSystem.GETPWUID_R);
    }

    /** The binding of the running macOS, through the JDK's default lookup (libSystem). */
    public static MacosPosix load() {
        Target t = Target.current();
        if (t == null || !t.isMacos()) {
            throw new IllegalStateException("the macOS binding was loaded on " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch"));
        }
        return new MacosPosix(new MacosLinker(Linker.nativeLinker().defaultLookup(), t));
    }

    /** The linker this binding was made with, for the provider's other macOS calls (Mach, os_sync). */
    public MacosLinker linker() {
        return linker;
    }

    // ---------------------------------------------------------------- the layer's lookups

    @Override
    public Target target() {
        return declarations.target();
    }

    @Override
    public int constant(String macro) {
        return declarations.constant(macro);
    }

    @Override
    public boolean hasConstant(String macro) {
        return declarations.hasConstant(macro);
    }

    @Override
    public CStruct struct(String cName) {
        return declarations.struct(cName);
    }

    @Override
    public boolean has(String function) {
        return declarations.has(function);
    }

    @Override
    public OsError osError(int errno) {
        return Errno.CODES.osError(errno, strerror(errno));
    }

    @Override
    public IpcException error(String operation, String objectName, int errno, String detail) {
        return IpcErrors.of(operation, objectName, osError(errno), Errno.CODES.kind(errno), detail);
    }

    @Override
    public int errno(MemorySegment state) {
        return linker.lastError(state);
    }

    // ---------------------------------------------------------------- macOS's answers

    /** The login name from Directory Services ({@code getpwuid_r}), or null where the system knows none. */
    @Override
    public String userName(long uid) {
        CStruct pw = LibSystem.PASSWD;
        for (int size = 4096; size <= 1 << 20; size *= 4) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment pwd = a.allocate(pw.layout(target()));
                MemorySegment buf = a.allocate(size);
                MemorySegment result = a.allocate(ADDRESS);
                int err = (int) getpwuidR.invokeExact((int) uid, pwd, buf, (long) size, result);
                if (err == v(Errno.ERANGE)) {
                    continue; // a longer record than the buffer: try a larger one
                }
                if (err != 0 || result.get(ADDRESS, 0).equals(MemorySegment.NULL)) {
                    return null;
                }
                return pwd.get(ADDRESS, offset(pw, "pw_name"))
                        .reinterpret(Integer.MAX_VALUE).getString(0);
            } catch (Throwable t) {
                throw unchecked(t);
            }
        }
        return null;
    }

    /**
     * A shared memory object under a fresh random name, unlinked at once: macOS has no memfd, and
     * the object is then reachable only through the descriptor (always close-on-exec: xnu's
     * {@code shm_open} sets it on every descriptor it makes).
     */
    @Override
    public int anonymousFile(MemorySegment state, MemorySegment label) {
        return AnonymousSharedMemory.open(this, state);
    }

    /**
     * Nothing to do: a POSIX shared memory object's size is set by its one {@code ftruncate}, and a
     * second one fails with EINVAL in every process ({@code pshm_truncate}: "only one ftruncate() per
     * lifetime"), so no process it reaches can shrink it under another's mapping.
     */
    @Override
    public int sealSize(MemorySegment state, int fd) {
        return 0;
    }

    /** {@code fcntl(F_GETPATH)}: the path of a file; null for what has none (shared memory, sockets, pipes). */
    @Override
    public String descriptorPath(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(LibSystem.MAXPATHLEN.value(target()));
            if (fcntl(NativeBinder.callState(), fd, v(LibSystem.F_GETPATH), buf) != 0) {
                return null;
            }
            return buf.getString(0);
        }
    }

    /** The 31-character form (PSHMNAMLEN): short names as they are, longer ones as their documented short form. */
    @Override
    public String sharedMemoryName(String storedName) {
        return IpcNames.macos(storedName);
    }

    /** macOS has no POSIX message queues; named like shared memory for messages. */
    @Override
    public String posixName(String storedName) {
        return IpcNames.macos(storedName);
    }

    /** Semaphores and shared memory are separate kernel namespaces on macOS: the same short form (PSEMNAMLEN is 31 too). */
    @Override
    public String semaphoreName(String storedName) {
        return IpcNames.macos(storedName);
    }

    /** None: a named semaphore is a kernel object with no file ({@code bsd/kern/posix_sem.c}). */
    @Override
    public String semaphoreFile(String osName) {
        return null;
    }

    /**
     * The owner the kernel recorded for the semaphore: {@code sem_open} returns the descriptor number
     * as the {@code sem_t *}, and {@code proc_pidfdinfo(PROC_PIDFDPSEMINFO)} on it reports
     * {@code psem_stat.vst_uid}; -1 where it does not say.
     */
    @Override
    public long semaphoreOwner(MemorySegment sem) {
        CStruct info = LibSystem.PSEM_FDINFO;
        int size = v(LibSystem.PROC_PIDFDPSEMINFO_SIZE);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(info.layout(target()));
            MemorySegment st = NativeBinder.callState();
            int n = (int) procPidfdinfo.invokeExact(st, getpid(), (int) sem.address(),
                    v(LibSystem.PROC_PIDFDPSEMINFO), buf, size);
            if (n != size) {
                return -1;
            }
            return Integer.toUnsignedLong(buf.get(JAVA_INT, offset(info, "pseminfo", "psem_stat", "vst_uid")));
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * The process's start time (microseconds since the epoch, fixed at fork) from
     * {@code sysctl(CTL_KERN, KERN_PROC, KERN_PROC_PID)}, masked to 31 bits; 0 if no such process
     * runs. This works for another user's process too, where {@code proc_pidinfo(PROC_PIDTBSDINFO)}
     * is refused ({@link LibSystem#PROC_BSDINFO}).
     */
    @Override
    public long processStartKey(long pid) {
        CStruct kp = LibSystem.KINFO_PROC;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment mib = a.allocateFrom(JAVA_INT, v(LibSystem.CTL_KERN), v(LibSystem.KERN_PROC),
                    v(LibSystem.KERN_PROC_PID), (int) pid);
            MemorySegment buf = a.allocate(kp.layout(target()));
            MemorySegment len = a.allocateFrom(JAVA_LONG, buf.byteSize());
            int r = (int) sysctl.invokeExact(NativeBinder.callState(), mib, 4, buf, len, MemorySegment.NULL, 0L);
            if (r != 0 || len.get(JAVA_LONG, 0) < buf.byteSize()) {
                return 0;
            }
            long sec = buf.get(JAVA_LONG, offset(kp, "kp_proc", "p_un", "__p_starttime", "tv_sec"));
            long usec = buf.get(JAVA_INT, offset(kp, "kp_proc", "p_un", "__p_starttime", "tv_usec"));
            return (sec * 1_000_000L + usec) & 0x7FFF_FFFFL;
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * {@code POSIX_SPAWN_CLOEXEC_DEFAULT}: the child keeps only the descriptors the file actions name
     * (xnu marks their targets inherited and closes every other at exec). The attributes are
     * destroyed when {@code arena} closes.
     */
    @Override
    public MemorySegment spawnAttributes(Arena arena) {
        MemorySegment attr = arena.allocate(LibSystem.SIZEOF_POSIX_SPAWNATTR_T.value(target()), 8);
        try {
            int err = (int) attrInit.invokeExact(attr);
            if (err != 0) {
                throw error("posix_spawnattr_init", null, err, null);
            }
            // Registered after the allocation, so it runs before the arena frees the memory it reads.
            attr.reinterpret(arena, this::destroyAttributes);
            err = (int) attrSetflags.invokeExact(attr, (short) v(LibSystem.POSIX_SPAWN_CLOEXEC_DEFAULT));
            if (err != 0) {
                throw error("posix_spawnattr_setflags", null, err, "POSIX_SPAWN_CLOEXEC_DEFAULT");
            }
            return attr;
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    private void destroyAttributes(MemorySegment attr) {
        try {
            int ignored = (int) attrDestroy.invokeExact(attr);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * 0: xnu's {@code pshm_stat} fills {@code st_mode} with the permission bits alone, so a POSIX
     * shared memory descriptor shows no file type.
     */
    @Override
    public int sharedMemoryFileType() {
        return 0;
    }

    /** None: POSIX shared memory on macOS has no path ({@link #descriptorPath} is null for it). */
    @Override
    public String sharedMemoryOfPath(String path) {
        return null;
    }

    /**
     * {@code /var/tmp}, not {@code /tmp}: the daily clean-up removes files in {@code /tmp} not
     * accessed for 3 days ({@code daily_clean_tmps_dirs="/tmp"} in periodic.conf), which would orphan
     * the set of a long-held mutex so that the next opener makes a second one; and not
     * {@code $TMPDIR}, which is per user (mode 0700) and per login session, so processes of another
     * user or a daemon would not find the anchor. {@code /var/tmp} is sticky and writable by all, and
     * outlives a reboot while the System V objects do not: an anchor naming a key that is gone counts
     * as no object, so that is harmless.
     */
    @Override
    public String anchorFile(String storedName) {
        return ANCHOR_DIRECTORY + IpcNames.validateStored(storedName);
    }

    /** None on macOS: portable names are socket files. */
    @Override
    public boolean abstractSockets() {
        return false;
    }

    /**
     * {@code LOCAL_PEERCRED} ({@code struct xucred}: effective uid and groups as of connect or listen)
     * and {@code LOCAL_PEERPID}, the pid of the last process to use the peer socket.
     */
    @Override
    public PeerIdentity peerCredentials(int fd, String label) {
        CStruct xucred = LibSystem.XUCRED;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cred = a.allocate(xucred.layout(target()));
            MemorySegment len = a.allocateFrom(JAVA_INT, (int) cred.byteSize());
            MemorySegment st = NativeBinder.callState();
            int level = v(LibSystem.SOL_LOCAL);
            if (getsockopt(st, fd, level, v(LibSystem.LOCAL_PEERCRED), cred, len) != 0) {
                throw error("getsockopt LOCAL_PEERCRED", label, errno(st), null);
            }
            int version = cred.get(JAVA_INT, offset(xucred, "cr_version"));
            if (version != v(LibSystem.XUCRED_VERSION)) {
                throw new IpcException("getsockopt LOCAL_PEERCRED", label, null, "struct xucred version " + version
                        + ", expected " + v(LibSystem.XUCRED_VERSION));
            }
            long uid = Integer.toUnsignedLong(cred.get(JAVA_INT, offset(xucred, "cr_uid")));
            short groups = cred.get(JAVA_SHORT, offset(xucred, "cr_ngroups"));
            long gid = groups > 0 ? Integer.toUnsignedLong(cred.get(JAVA_INT, offset(xucred, "cr_groups"))) : -1;
            MemorySegment pid = a.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, 4);
            if (getsockopt(st, fd, level, v(LibSystem.LOCAL_PEERPID), pid, len) != 0) {
                throw error("getsockopt LOCAL_PEERPID", label, errno(st), null);
            }
            return new PeerIdentity(pid.get(JAVA_INT, 0), uid, gid);
        }
    }

    // ---------------------------------------------------------------- calls the layer makes

    @Override
    public String strerror(int errnum) {
        try {
            MemorySegment s = (MemorySegment) strerror.invokeExact(errnum);
            return s.equals(MemorySegment.NULL) ? "errno " + errnum : s.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** This process's pid ({@code getpid}). */
    public int getpid() {
        try {
            return (int) getpid.invokeExact();
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int close(MemorySegment state, int fd) {
        try {
            return (int) close.invokeExact(state, fd);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int shmOpen(MemorySegment state, MemorySegment name, int oflag, int mode) {
        try {
            return (int) shmOpen.invokeExact(state, name, oflag, mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int shmUnlink(MemorySegment state, MemorySegment name) {
        try {
            return (int) shmUnlink.invokeExact(state, name);
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

    /** macOS has none ({@link #has} says so). */
    @Override
    public int posixFallocate(int fd, long offset, long length) {
        throw missing("posix_fallocate");
    }

    @Override
    public int ftruncate(MemorySegment state, int fd, long length) {
        try {
            return (int) ftruncate.invokeExact(state, fd, length);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int fstat(MemorySegment state, int fd, MemorySegment buf) {
        try {
            return (int) fstat.invokeExact(state, fd, buf);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code mode_t} is 2 bytes on macOS. */
    @Override
    public int fchmod(MemorySegment state, int fd, int mode) {
        try {
            return (int) fchmod.invokeExact(state, fd, (short) mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public MemorySegment mmap(MemorySegment state, MemorySegment addr, long len, int prot, int flags, int fd, long offset) {
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

    @Override
    public int shmctl(MemorySegment state, int shmid, int cmd, MemorySegment buf) {
        try {
            return (int) shmctl.invokeExact(state, shmid, cmd, buf);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code MAP_FAILED}, {@code (void *) -1} (a {@link LibSystem#MAP_FAILED table fact}). */
    @Override
    public boolean failed(MemorySegment address) {
        return address.address() == LibSystem.MAP_FAILED.longValue();
    }

    @Override
    public int clockGettime(MemorySegment state, int clockId, MemorySegment timespec) {
        try {
            return (int) clockGettime.invokeExact(state, clockId, timespec);
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

    @Override
    public int fcntl(MemorySegment state, int fd, int cmd, int arg) {
        try {
            return (int) fcntlInt.invokeExact(state, fd, cmd, arg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int fcntl(MemorySegment state, int fd, int cmd, MemorySegment arg) {
        try {
            return (int) fcntlPtr.invokeExact(state, fd, cmd, arg);
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

    /** {@code SEM_FAILED} is {@code (sem_t *) -1} on macOS; the mode and value are passed promoted (variadic). */
    @Override
    public MemorySegment semOpen(MemorySegment state, MemorySegment name, int oflag, int mode, int value) {
        try {
            return (MemorySegment) semOpen.invokeExact(state, name, oflag, mode, value);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** macOS has none ({@link #has} says so). */
    @Override
    public int semClockwait(MemorySegment state, MemorySegment sem, int clockId, MemorySegment abstime) {
        throw missing("sem_clockwait");
    }

    /** macOS has none ({@link #has} says so). */
    @Override
    public int semTimedwait(MemorySegment state, MemorySegment sem, MemorySegment abstime) {
        throw missing("sem_timedwait");
    }

    @Override
    public int semTrywait(MemorySegment state, MemorySegment sem) {
        try {
            return (int) semTrywait.invokeExact(state, sem);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semPost(MemorySegment state, MemorySegment sem) {
        try {
            return (int) semPost.invokeExact(state, sem);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * What libSystem's {@code sem_getvalue} does, without the call: it is a stub that sets errno to
     * ENOSYS and returns -1 ({@code posix_sem_obsolete.c}), and it is deprecated, so it is not linked.
     * The layer reads ENOSYS as "the value cannot be told".
     */
    @Override
    public int semGetvalue(MemorySegment state, MemorySegment sem, MemorySegment intOut) {
        state.set(JAVA_INT, ERRNO_OFFSET, enosys);
        return -1;
    }

    @Override
    public int semClose(MemorySegment state, MemorySegment sem) {
        try {
            return (int) semClose.invokeExact(state, sem);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semUnlink(MemorySegment state, MemorySegment name) {
        try {
            return (int) semUnlink.invokeExact(state, name);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

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

    /** macOS has none ({@link #has} says so). */
    @Override
    public int semtimedop(MemorySegment state, int semid, MemorySegment sops, long nsops, MemorySegment timeout) {
        throw missing("semtimedop");
    }

    @Override
    public int semctl(MemorySegment state, int semid, int semnum, int cmd, int arg) {
        try {
            return (int) semctlInt.invokeExact(state, semid, semnum, cmd, arg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int semctl(MemorySegment state, int semid, int semnum, int cmd, MemorySegment arg) {
        try {
            return (int) semctlPtr.invokeExact(state, semid, semnum, cmd, arg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code nfds_t} is an unsigned int on macOS. */
    @Override
    public int poll(MemorySegment state, MemorySegment fds, long nfds, int timeoutMillis) {
        try {
            return (int) poll.invokeExact(state, fds, (int) nfds, timeoutMillis);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** {@code environ} through {@code _NSGetEnviron()}: a library cannot link the variable on macOS. */
    @Override
    public MemorySegment environ() {
        try {
            MemorySegment cell = (MemorySegment) nsGetEnviron.invokeExact();
            return cell.reinterpret(ADDRESS.byteSize()).get(ADDRESS, 0);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnp(MemorySegment pidOut, MemorySegment file, MemorySegment fileActions, MemorySegment attr,
                           MemorySegment argv, MemorySegment envp) {
        try {
            return (int) posixSpawnp.invokeExact(pidOut, file, fileActions, attr, argv, envp);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsInit(MemorySegment fa) {
        try {
            return (int) faInit.invokeExact(fa);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsDestroy(MemorySegment fa) {
        try {
            return (int) faDestroy.invokeExact(fa);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsAdddup2(MemorySegment fa, int fd, int newFd) {
        try {
            return (int) faAdddup2.invokeExact(fa, fd, newFd);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int posixSpawnFileActionsAddopen(MemorySegment fa, int fd, MemorySegment path, int oflag, int mode) {
        try {
            return (int) faAddopen.invokeExact(fa, fd, path, oflag, (short) mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** macOS has none ({@link #has} says so; {@link #spawnAttributes} closes the rest instead). */
    @Override
    public int posixSpawnFileActionsAddclosefromNp(MemorySegment fa, int from) {
        throw missing("posix_spawn_file_actions_addclosefrom_np");
    }

    @Override
    public int posixSpawnFileActionsAddclose(MemorySegment fa, int fd) {
        try {
            return (int) faAddclose.invokeExact(fa, fd);
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

    @Override
    public int mqOpen(MemorySegment state, MemorySegment name, int oflag, int mode, MemorySegment attr) {
        throw missing("mq_open");
    }

    @Override
    public int mqTimedsend(MemorySegment state, int mqd, MemorySegment msg, long len, int prio, MemorySegment absTimeout) {
        throw missing("mq_timedsend");
    }

    @Override
    public long mqTimedreceive(MemorySegment state, int mqd, MemorySegment buf, long len, MemorySegment prioOut,
                               MemorySegment absTimeout) {
        throw missing("mq_timedreceive");
    }

    @Override
    public int mqGetattr(MemorySegment state, int mqd, MemorySegment attr) {
        throw missing("mq_getattr");
    }

    @Override
    public int mqSetattr(MemorySegment state, int mqd, MemorySegment newAttr, MemorySegment oldAttr) {
        throw missing("mq_setattr");
    }

    @Override
    public int mqClose(MemorySegment state, int mqd) {
        throw missing("mq_close");
    }

    @Override
    public int mqUnlink(MemorySegment state, MemorySegment name) {
        throw missing("mq_unlink");
    }

    @Override
    public int msgget(MemorySegment state, int key, int msgflg) {
        try {
            return (int) msgget.invokeExact(state, key, msgflg);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

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

    @Override
    public int msgctl(MemorySegment state, int msqid, int cmd, MemorySegment buf) {
        try {
            return (int) msgctl.invokeExact(state, msqid, cmd, buf);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int mkfifo(MemorySegment state, MemorySegment path, int mode) {
        try {
            return (int) mkfifo.invokeExact(state, path, (short) mode);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int chmod(MemorySegment state, MemorySegment path, int mode) {
        try {
            return (int) chmod.invokeExact(state, path, (short) mode);
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

    /** macOS has none ({@link #has} says so): the layer calls {@link #accept} and sets the flags with fcntl. */
    @Override
    public int accept4(MemorySegment state, int fd, MemorySegment addr, MemorySegment addrLen, int flags) {
        throw missing("accept4");
    }

    @Override
    public int accept(MemorySegment state, int fd, MemorySegment addr, MemorySegment addrLen) {
        try {
            return (int) accept.invokeExact(state, fd, addr, addrLen);
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
    public int getsockopt(MemorySegment state, int fd, int level, int optname, MemorySegment optval, MemorySegment optlen) {
        try {
            return (int) getsockopt.invokeExact(state, fd, level, optname, optval, optlen);
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

    /**
     * A kernel value by name ({@code kern.sysv.shmmax}, {@code hw.memsize}) that is a 4- or 8-byte
     * integer, or -1 where the kernel has no such name.
     */
    public long sysctl(String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment value = a.allocate(JAVA_LONG);
            MemorySegment len = a.allocateFrom(JAVA_LONG, 8L);
            int r = (int) sysctlbyname.invokeExact(NativeBinder.callState(), a.allocateFrom(name), value, len,
                    MemorySegment.NULL, 0L);
            if (r != 0) {
                return -1;
            }
            return len.get(JAVA_LONG, 0) == 4 ? Integer.toUnsignedLong(value.get(JAVA_INT, 0)) : value.get(JAVA_LONG, 0);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * A member's offset in this target's layout (not the running OS's, which {@code CStruct.offset}
     * uses: tests read these layouts on Linux too); a nested member is named by its path.
     */
    private long offset(CStruct struct, String... path) {
        MemoryLayout.PathElement[] p = new MemoryLayout.PathElement[path.length];
        for (int i = 0; i < path.length; i++) {
            p[i] = MemoryLayout.PathElement.groupElement(path[i]);
        }
        return struct.layout(target()).byteOffset(p);
    }

    /** A constant's value on this binding's target (not the running OS's: tests read it on Linux too). */
    private int v(io.ffmipc.ffi.CConstant c) {
        return (int) c.value(target());
    }

    private static UnsupportedOperationException missing(String function) {
        return new UnsupportedOperationException("macOS has no " + function + " (the binding's has(\"" + function
                + "\") is false)");
    }
}
