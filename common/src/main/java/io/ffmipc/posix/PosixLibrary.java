package io.ffmipc.posix;

import io.ffmipc.IpcException;
import io.ffmipc.OsError;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;

import java.lang.foreign.MemorySegment;

/**
 * The C library as the POSIX layer sees it: the one narrow binding interface that each POSIX OS
 * implements with its own values, layouts and symbols (glibc/musl on Linux: {@code LibC};
 * libSystem on macOS). Every protocol written against it — shared memory, named and System V
 * semaphores, message queues, FIFOs, Unix-domain sockets with handle passing and peer
 * credentials, the spawn launcher, the key anchor of robust mutexes — exists once, in this
 * package, and is tested on Linux.
 *
 * <p>Functions are raw downcalls: C arguments in, C result out. Those that set {@code errno} take
 * this thread's capture segment ({@link io.ffmipc.ffi.NativeBinder#callState()}) first; read the
 * code with {@link #errno}. Constants and layouts differ by OS and are looked up once by name
 * ({@link #constant}, {@link #struct}) when a layer object is made, so hot paths read plain
 * fields. A function some POSIX OS lacks is marked optional: ask {@link #has} first.
 */
public interface PosixLibrary {

    /** The OS and architecture this binding is for. */
    Target target();

    /** The value of a C macro the binding declares ({@code "O_CREAT"}, {@code "EINTR"}); {@link IllegalArgumentException} if it declares none. */
    int constant(String macro);

    /** Whether the binding declares the macro (some exist on one OS only, such as {@code O_NOFOLLOW}'s relatives). */
    boolean hasConstant(String macro);

    /** The layout of a C struct the binding declares ({@code "struct stat"}). */
    CStruct struct(String cName);

    /** Whether the optional C function exists on this OS ({@code "sem_clockwait"}, {@code "mq_open"}). */
    boolean has(String function);

    /** The OS error for an errno value: its symbolic name and the C library's text. */
    OsError osError(int errno);

    /**
     * The typed exception for an errno value, by the OS's error table.
     *
     * @param operation the C call or library operation that failed
     * @param objectName the object's portable name, or null
     * @param detail extra explanation, or null
     */
    IpcException error(String operation, String objectName, int errno, String detail);

    /** The login name of a user, or null where the system does not say (for messages only). */
    String userName(long uid);

    /**
     * A new unnamed, close-on-exec file descriptor for shared memory ({@code memfd_create} on
     * Linux; a shared memory object unlinked at once where there is none); -1 with errno set on failure.
     *
     * @param label names it where the OS shows such descriptors (/proc/PID/fd)
     */
    int anonymousFile(MemorySegment state, MemorySegment label);

    /**
     * Fixes the size of a descriptor from {@link #anonymousFile} for every process it reaches (file
     * seals on Linux; on an OS where a shared memory object's size can be set only once, nothing is
     * needed): 0, or -1 with errno set.
     */
    int sealSize(MemorySegment state, int fd);

    /** What an open descriptor refers to, as a path, or null where the OS does not say. */
    String descriptorPath(int fd);

    /**
     * The OS name of POSIX shared memory under a stored name ({@link io.ffmipc.IpcNames#validateStored}):
     * {@code "/" + name} on Linux, where names glibc keeps semaphores under are refused; the
     * 31-character form on macOS.
     */
    String sharedMemoryName(String storedName);

    /** The OS name of a POSIX message queue. */
    String posixName(String storedName);

    /**
     * The OS name of a POSIX named semaphore. Where the C library keeps semaphores as files beside
     * shared memory, the name keeps them apart from shared memory of the same portable name
     * (glibc adds {@code sem.} to the file itself; under musl the library adds it to the name).
     */
    String semaphoreName(String storedName);

    /**
     * The file in which the C library keeps the named semaphore {@code osName} ({@link #posixName}),
     * or null where a named semaphore is a kernel object with no file. glibc and musl keep
     * {@code /X} as {@code /dev/shm/sem.X}, created with the umask applied: the POSIX layer sets the
     * exact mode on that file and reads its owner from it (opened without following a link).
     * macOS has no file (xnu's {@code bsd/kern/posix_sem.c}): the mode {@code sem_open} is given is
     * kept exactly ({@code cmode = uap->mode & ALLPERMS}, no umask), and the owner comes from
     * {@link #semaphoreOwner}.
     */
    String semaphoreFile(String osName);

    /**
     * The uid that owns an open named semaphore that has no file ({@link #semaphoreFile} null), or
     * -1 where the OS cannot tell. macOS: the {@code sem_t *} that {@code sem_open} returns is the
     * descriptor number ({@code *retval = indx} in {@code posix_sem.c}), and
     * {@code proc_pidfdinfo(getpid(), fd, PROC_PIDFDPSEMINFO, ...)} reports
     * {@code pseminfo.psem_stat.vst_uid} ({@code fill_pseminfo}). Where the C library keeps a file,
     * the layer reads the file and never asks this.
     */
    long semaphoreOwner(MemorySegment sem);

    /**
     * Process {@code pid}'s start time in a unit that never changes while it runs (Linux: clock
     * ticks after boot from {@code /proc/PID/stat}; macOS: the kernel's start time), masked to 31
     * bits; 0 if it does not run or the OS does not say.
     */
    long processStartKey(long pid);

    /**
     * Spawn attributes for {@code posix_spawnp} under which the child gets no descriptor but those
     * the file actions give it (macOS: {@code POSIX_SPAWN_CLOEXEC_DEFAULT}, allocated in
     * {@code arena} and destroyed when it closes); {@link MemorySegment#NULL} where the file actions
     * close the rest ({@code posix_spawn_file_actions_addclosefrom_np}, which {@link #has} then reports).
     */
    MemorySegment spawnAttributes(java.lang.foreign.Arena arena);

    /**
     * The file type bits ({@code st_mode & S_IFMT}) that {@code fstat} reports for POSIX shared
     * memory: {@code S_IFREG} where objects are files in a tmpfs (Linux); 0 on macOS, whose kernel
     * fills in only the permission bits ({@code pshm_stat} in xnu's {@code bsd/kern/posix_shm.c}).
     */
    default int sharedMemoryFileType() {
        return constant("S_IFREG");
    }

    /** The stored name of POSIX shared memory that {@link #descriptorPath} showed, or null if the path is none. */
    String sharedMemoryOfPath(String path);

    /** The errno captured by the last error-setting call on this thread into {@code state}. */
    int errno(MemorySegment state);

    int close(MemorySegment state, int fd);

    /** The C library's text for an errno value. glibc returns static strings for known codes. */
    String strerror(int errnum);

    int shmOpen(MemorySegment state, MemorySegment name, int oflag, int mode);

    int shmUnlink(MemorySegment state, MemorySegment name);

    int open(MemorySegment state, MemorySegment file, int oflag, int mode);

    /** Optional ({@link #has has("posix_fallocate")}).  0 on success, otherwise the error number (posix_fallocate does not set errno). */
    int posixFallocate(int fd, long offset, long length);

    int ftruncate(MemorySegment state, int fd, long length);

    /** {@code buf} must hold the layout of {@code struct stat} ({@link #struct}). */
    int fstat(MemorySegment state, int fd, MemorySegment buf);

    int fchmod(MemorySegment state, int fd, int mode);

    /** Returns the mapping's address as a zero-length segment, or {@code MAP_FAILED} (see {@link #failed}). */
    MemorySegment mmap(MemorySegment state, MemorySegment addr, long len, int prot, int flags, int fd, long offset);

    int munmap(MemorySegment state, MemorySegment addr, long len);

    int shmget(MemorySegment state, int key, long size, int shmflg);

    /** Returns the attached address as a zero-length segment, or {@code MAP_FAILED} (see {@link #failed}). */
    MemorySegment shmat(MemorySegment state, int shmid, MemorySegment shmaddr, int shmflg);

    int shmdt(MemorySegment state, MemorySegment shmaddr);

    /** {@code buf} must hold the layout of {@code struct shmid_ds} ({@link #struct}), or be NULL for IPC_RMID. */
    int shmctl(MemorySegment state, int shmid, int cmd, MemorySegment buf);

    /**
     * Whether an address returned by mmap or shmat is {@code MAP_FAILED}, {@code (void *) -1}.
     * (A pointer cast is no integer constant expression, so it is not a {@link io.ffmipc.ffi.CConstant}.)
     */
    boolean failed(MemorySegment address);

    int clockGettime(MemorySegment state, int clockId, MemorySegment timespec);

    long read(MemorySegment state, int fd, MemorySegment buf, long count);

    long write(MemorySegment state, int fd, MemorySegment buf, long count);

    /** {@code fcntl} with an int argument (F_GETFL, F_SETFL). */
    int fcntl(MemorySegment state, int fd, int cmd, int arg);

    /** {@code fcntl} with a pointer argument: record locks ({@code F_SETLK} with a {@code struct flock}). */
    int fcntl(MemorySegment state, int fd, int cmd, MemorySegment arg);

    /** Reads at {@code offset} without moving the descriptor's file offset. */
    long pread(MemorySegment state, int fd, MemorySegment buf, long count, long offset);

    /** Writes at {@code offset} without moving the descriptor's file offset. */
    long pwrite(MemorySegment state, int fd, MemorySegment buf, long count, long offset);

    /**
     * The path of the anchor file that names a System V object by a stored name
     * ({@link io.ffmipc.IpcNames#reserved}, e.g. {@code .mutex.NAME}): in a directory every process
     * of the machine sees, sticky and writable by all, so any user can create anchors and nobody can
     * remove or rename another user's. Linux: {@code /dev/shm} (a tmpfs emptied at boot, like the
     * System V tables). macOS: {@code /var/tmp}, not {@code /tmp} — the daily clean-up removes
     * files in {@code /tmp} not accessed for 3 days ({@code daily_clean_tmps_dirs="/tmp"} in
     * periodic.conf), which would orphan the set of a long-held mutex so that the next opener makes a
     * second one — and not {@code $TMPDIR}, which is per user (mode 0700) and per login session, so
     * processes of another user or a daemon would not find the anchor. {@code /var/tmp} outlives a
     * reboot while the System V objects do not: an anchor naming a key that is gone counts as no
     * object, so that is harmless.
     */
    String anchorFile(String storedName);

    /** Returns the semaphore's address, or {@code SEM_FAILED} (address 0) with errno set. */
    MemorySegment semOpen(MemorySegment state, MemorySegment name, int oflag, int mode, int value);

    /** Optional ({@link #has has("sem_clockwait")}): where the OS lacks it the binding throws {@link UnsupportedOperationException}. */
    int semClockwait(MemorySegment state, MemorySegment sem, int clockId, MemorySegment abstime);

    /**
     * Optional ({@link #has has("sem_timedwait")}): the timed wait against CLOCK_REALTIME, for a C
     * library without {@code sem_clockwait} (musl); macOS has neither.
     */
    int semTimedwait(MemorySegment state, MemorySegment sem, MemorySegment abstime);

    int semTrywait(MemorySegment state, MemorySegment sem);

    int semPost(MemorySegment state, MemorySegment sem);

    int semGetvalue(MemorySegment state, MemorySegment sem, MemorySegment intOut);

    int semClose(MemorySegment state, MemorySegment sem);

    int semUnlink(MemorySegment state, MemorySegment name);

    int semget(MemorySegment state, int key, int nsems, int semflg);

    int semop(MemorySegment state, int semid, MemorySegment sops, long nsops);

    /** Optional ({@link #has has("semtimedop")}).  {@code timeout} is relative; {@link MemorySegment#NULL} waits without limit. */
    int semtimedop(MemorySegment state, int semid, MemorySegment sops, long nsops, MemorySegment timeout);

    int semctl(MemorySegment state, int semid, int semnum, int cmd, int arg);

    int semctl(MemorySegment state, int semid, int semnum, int cmd, MemorySegment arg);

    int poll(MemorySegment state, MemorySegment fds, long nfds, int timeoutMillis);

    /** The current environment block ({@code environ}), for posix_spawnp's envp. */
    MemorySegment environ();

    /** Returns 0 or an error number. */
    int posixSpawnp(MemorySegment pidOut, MemorySegment file, MemorySegment fileActions, MemorySegment attr, MemorySegment argv, MemorySegment envp);

    int posixSpawnFileActionsInit(MemorySegment fa);

    int posixSpawnFileActionsDestroy(MemorySegment fa);

    int posixSpawnFileActionsAdddup2(MemorySegment fa, int fd, int newFd);

    int posixSpawnFileActionsAddopen(MemorySegment fa, int fd, MemorySegment path, int oflag, int mode);

    /** Optional ({@link #has has("posix_spawn_file_actions_addclosefrom_np")}): where the OS lacks it the binding throws {@link UnsupportedOperationException}. */
    int posixSpawnFileActionsAddclosefromNp(MemorySegment fa, int from);

    /** Closes one descriptor in the child (where no closefrom action exists, the parked copies go one by one). */
    int posixSpawnFileActionsAddclose(MemorySegment fa, int fd);

    int waitpid(MemorySegment state, int pid, MemorySegment statusOut, int options);

    int kill(MemorySegment state, int pid, int sig);

    /** Optional ({@link #has has("mq_open")}).  {@code attr} may be {@link MemorySegment#NULL} (kernel defaults); mode and attr are read only with O_CREAT. */
    int mqOpen(MemorySegment state, MemorySegment name, int oflag, int mode, MemorySegment attr);

    /** Optional ({@link #has has("mq_timedsend")}).  {@code absTimeout} is on CLOCK_REALTIME (glibc has no monotonic variant). */
    int mqTimedsend(MemorySegment state, int mqd, MemorySegment msg, long len, int prio, MemorySegment absTimeout);

    /** Optional ({@link #has has("mq_timedreceive")}).  {@code absTimeout} is on CLOCK_REALTIME; {@code prioOut} may be NULL. */
    long mqTimedreceive(MemorySegment state, int mqd, MemorySegment buf, long len, MemorySegment prioOut, MemorySegment absTimeout);

    /** Optional ({@link #has has("mq_getattr")}): where the OS lacks it the binding throws {@link UnsupportedOperationException}. */
    int mqGetattr(MemorySegment state, int mqd, MemorySegment attr);

    /** Optional ({@link #has has("mq_setattr")}): where the OS lacks it the binding throws {@link UnsupportedOperationException}. */
    int mqSetattr(MemorySegment state, int mqd, MemorySegment newAttr, MemorySegment oldAttr);

    /** Optional ({@link #has has("mq_close")}): where the OS lacks it the binding throws {@link UnsupportedOperationException}. */
    int mqClose(MemorySegment state, int mqd);

    /** Optional ({@link #has has("mq_unlink")}): where the OS lacks it the binding throws {@link UnsupportedOperationException}. */
    int mqUnlink(MemorySegment state, MemorySegment name);

    int msgget(MemorySegment state, int key, int msgflg);

    /** {@code msgp} points at a {@code long mtype} followed by {@code msgsz} bytes of text. */
    int msgsnd(MemorySegment state, int msqid, MemorySegment msgp, long msgsz, int msgflg);

    long msgrcv(MemorySegment state, int msqid, MemorySegment msgp, long msgsz, long msgtyp, int msgflg);

    /** {@code buf} must hold the layout of {@code struct msqid_ds} ({@link #struct}), or be NULL for IPC_RMID. */
    int msgctl(MemorySegment state, int msqid, int cmd, MemorySegment buf);

    int mkfifo(MemorySegment state, MemorySegment path, int mode);

    int chmod(MemorySegment state, MemorySegment path, int mode);

    int unlink(MemorySegment state, MemorySegment path);

    int geteuid();

    int getegid();

    int socket(MemorySegment state, int domain, int type, int protocol);

    /** {@code addr} holds a {@code struct sockaddr_un} ({@link #struct}); {@code len} is how much of it counts. */
    int bind(MemorySegment state, int fd, MemorySegment addr, int len);

    int listen(MemorySegment state, int fd, int backlog);

    /** Optional ({@link #has has("accept4")}).  {@code addr} and {@code addrLen} may be {@link MemorySegment#NULL}. */
    int accept4(MemorySegment state, int fd, MemorySegment addr, MemorySegment addrLen, int flags);

    int connect(MemorySegment state, int fd, MemorySegment addr, int len);

    long sendmsg(MemorySegment state, int fd, MemorySegment msghdr, int flags);

    long recvmsg(MemorySegment state, int fd, MemorySegment msghdr, int flags);

    int getsockopt(MemorySegment state, int fd, int level, int optname, MemorySegment optval, MemorySegment optlen);

    int setsockopt(MemorySegment state, int fd, int level, int optname, MemorySegment optval, int optlen);

    /**
     * {@code accept} without flags, for an OS without {@link #accept4} (macOS): the caller makes the
     * new descriptor close-on-exec and non-blocking with {@code fcntl}. {@code addr} and
     * {@code addrLen} may be {@link MemorySegment#NULL}.
     */
    int accept(MemorySegment state, int fd, MemorySegment addr, MemorySegment addrLen);

    /**
     * Whether Unix-domain sockets can be bound in the abstract namespace (Linux): a name that is no
     * file, vanishes with its socket and needs no clean-up. Where it is missing, servers of portable
     * names bind socket files.
     */
    boolean abstractSockets();

    /**
     * The process at the other end of a connected Unix-domain socket, as the kernel recorded it when
     * the peer connected (or listened, for a server): Linux {@code SO_PEERCRED} ({@code struct ucred});
     * macOS {@code LOCAL_PEERCRED} ({@code struct xucred}: uid, first group) and {@code LOCAL_PEERPID}.
     * A failure is the typed error of {@code getsockopt}.
     */
    io.ffmipc.PeerIdentity peerCredentials(int fd, String label);
}
