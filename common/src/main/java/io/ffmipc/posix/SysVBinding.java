package io.ffmipc.posix;

import io.ffmipc.IpcException;
import io.ffmipc.Permissions;
import io.ffmipc.core.OwnerCheck;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The System V calls of one {@link PosixLibrary} as the layer's System V classes use them: the
 * constants, errno values, layouts and offsets they need, looked up once by name (they differ by
 * OS: macOS's {@code GETVAL} is 5 where Linux's is 12, its {@code struct ipc_perm} is 24 bytes with
 * a 2-byte mode where Linux's is 48), whether the OS has {@code semtimedop}, and the kernel limits
 * for messages.
 */
final class SysVBinding {
    /**
     * The largest value of a semaphore: {@code SEMVMX} is 32767 in Linux's
     * {@code include/uapi/linux/sem.h} and in macOS's {@code bsd/sys/sem_internal.h} alike; neither
     * C library's headers declare it, so no ABI check can assert it.
     */
    static final int SEMVMX = 32767;
    /**
     * The most operations one {@code semop} may carry on every OS: macOS's {@code SEMOPM} is 5
     * (xnu {@code bsd/sys/sem_internal.h}; more fail with E2BIG), Linux's is 500. The layer never
     * passes more than 3.
     */
    static final int SEMOPM = 5;

    final PosixLibrary lib;
    final ProcessSeam processes;
    final SystemVLimits limits;
    /** Whether waits use {@code semtimedop}; without it (macOS) they poll {@code semop} with {@code IPC_NOWAIT}. */
    final boolean timedSemop;

    final int ipcCreat;
    final int ipcExcl;
    final int ipcNowait;
    final int ipcRmid;
    final int ipcStat;
    final int ipcSet;
    final int semUndo;
    final int getval;
    final int getpid;
    final int getncnt;
    final int setval;
    final int setall;
    final int msgNoerror;
    /** {@code SHM_DEST} in {@code shm_perm.mode}, or 0 where the OS does not report it. */
    final int shmDest;

    final int eexist;
    final int enoent;
    final int eintr;
    final int eagain;
    final int erange;
    final int einval;
    final int eidrm;
    final int eperm;
    final int enomsg;
    final int e2big;
    final int enospc;

    final CStruct semidDs;
    final CStruct msqidDs;
    final CStruct shmidDs;
    /** {@code msqid_ds}'s byte count: {@code __msg_cbytes} in glibc, {@code msg_cbytes} in macOS. */
    final String msgCbytes;
    final long sembufSize;
    private final long semNum;
    private final long semOp;
    private final long semFlg;
    private final long tvSec;
    private final long tvNsec;

    SysVBinding(PosixLibrary lib, ProcessSeam processes, SystemVLimits limits, boolean timedSemop) {
        this.lib = lib;
        this.processes = processes;
        this.limits = limits;
        this.timedSemop = timedSemop;
        ipcCreat = lib.constant("IPC_CREAT");
        ipcExcl = lib.constant("IPC_EXCL");
        ipcNowait = lib.constant("IPC_NOWAIT");
        ipcRmid = lib.constant("IPC_RMID");
        ipcStat = lib.constant("IPC_STAT");
        ipcSet = lib.constant("IPC_SET");
        semUndo = lib.constant("SEM_UNDO");
        getval = lib.constant("GETVAL");
        getpid = lib.constant("GETPID");
        getncnt = lib.constant("GETNCNT");
        setval = lib.constant("SETVAL");
        setall = lib.constant("SETALL");
        msgNoerror = lib.constant("MSG_NOERROR");
        shmDest = lib.hasConstant("SHM_DEST") ? lib.constant("SHM_DEST") : 0;
        eexist = lib.constant("EEXIST");
        enoent = lib.constant("ENOENT");
        eintr = lib.constant("EINTR");
        eagain = lib.constant("EAGAIN");
        erange = lib.constant("ERANGE");
        einval = lib.constant("EINVAL");
        eidrm = lib.constant("EIDRM");
        eperm = lib.constant("EPERM");
        enomsg = lib.constant("ENOMSG");
        e2big = lib.constant("E2BIG");
        enospc = lib.constant("ENOSPC");
        semidDs = lib.struct("struct semid_ds");
        msqidDs = lib.struct("struct msqid_ds");
        shmidDs = lib.struct("struct shmid_ds");
        msgCbytes = PosixStructs.has(msqidDs, "msg_cbytes") ? "msg_cbytes" : "__msg_cbytes";
        CStruct sembuf = lib.struct("struct sembuf");
        sembufSize = sembuf.layout().byteSize();
        semNum = sembuf.offset("sem_num");
        semOp = sembuf.offset("sem_op");
        semFlg = sembuf.offset("sem_flg");
        CStruct timespec = lib.struct("struct timespec");
        tvSec = timespec.offset("tv_sec");
        tvNsec = timespec.offset("tv_nsec");
    }

    /** Fills operation {@code index} of a {@code struct sembuf} array (every field is a 2-byte short on every OS). */
    void setOp(MemorySegment ops, int index, int sem, int delta, int flags) {
        long at = index * sembufSize;
        ops.set(ValueLayout.JAVA_SHORT, at + semNum, (short) sem);
        ops.set(ValueLayout.JAVA_SHORT, at + semOp, (short) delta);
        ops.set(ValueLayout.JAVA_SHORT, at + semFlg, (short) flags);
    }

    /** Sets a relative {@code struct timespec} to {@code nanos}. */
    void setTimespec(MemorySegment ts, long nanos) {
        ts.set(ValueLayout.JAVA_LONG, tvSec, nanos / 1_000_000_000L);
        ts.set(ValueLayout.JAVA_LONG, tvNsec, nanos % 1_000_000_000L);
    }

    /** A {@code struct xxx_ds} field, nested ones with a dot ({@code "sem_perm.uid"}). */
    static long field(MemorySegment ds, CStruct struct, String name) {
        return PosixStructs.get(ds, struct, name);
    }

    IpcException error(String operation, String label, int errno, String detail) {
        return lib.error(operation, label, errno, detail);
    }

    IpcException error(String operation, String label, int errno) {
        return lib.error(operation, label, errno, null);
    }

    /**
     * The owner check of issue 8 §2 for an object this call opened (not created): refuses one whose
     * {@code ipc_perm.uid} is not this process's user unless {@code permissions} accept that.
     */
    void requireOwner(long ownerUid, Permissions permissions, String operation, String what, String label) {
        OwnerCheck.require(processes, ObjectOwner.posix(ownerUid), permissions, operation, what, label);
    }

    /** Per-thread argument buffers, so waits and operations allocate nothing per call. */
    static final class Scratch {
        private static final ThreadLocal<Scratch> BUFFERS = ThreadLocal.withInitial(Scratch::new);
        /** A relative {@code struct timespec} (16 bytes on every 64-bit OS). */
        final MemorySegment timespec;
        /** Room for {@value SysVBinding#SEMOPM} {@code struct sembuf}s (6 bytes each on every OS). */
        final MemorySegment ops;

        private Scratch() {
            MemorySegment all = Arena.ofAuto().allocate(16 + 8 * SEMOPM, 8);
            timespec = all.asSlice(0, 16);
            ops = all.asSlice(16, 8 * SEMOPM);
        }

        static Scratch get() {
            return BUFFERS.get();
        }
    }
}
