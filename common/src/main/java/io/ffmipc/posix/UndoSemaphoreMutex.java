package io.ffmipc.posix;

import io.ffmipc.spi.MutexSeam;
import io.ffmipc.IpcException;
import io.ffmipc.LockResult;
import io.ffmipc.MutexStatus;

/**
 * The robust-mutex protocol on a System V semaphore set with {@code SEM_UNDO}, the same on every
 * OS that has System V semaphores (Linux, macOS); the OS only supplies the semaphore calls
 * ({@link UndoSemaphoreSet}).
 *
 * <h2>The set</h2>
 * <pre>
 *   semaphore   meaning                                   changed by
 *   LOCK   (0)  1 = free, 0 = held                        semop with SEM_UNDO only
 *   OWNER_LOW  (1)  owner pid, bits 0..14                 semop without SEM_UNDO, only by the holder
 *   OWNER_HIGH (2)  owner pid, bits 15..29                semop without SEM_UNDO, only by the holder
 * </pre>
 * A System V semaphore holds at most SEMVMX = 32767 (15 bits) and Linux pids reach 2^22, hence two
 * halves. The owner is 0 when the last holder unlocked properly.
 *
 * <h2>Why this survives the owner's death</h2>
 * The lock is taken with {@code SEM_UNDO}: the kernel records the -1 in the <em>process's</em>
 * undo list (shared by all its threads, tied to no OS thread) and adds the 1 back when the process
 * exits, however it exits — SIGKILL included. The owner halves carry no undo, so after a death
 * they still name the dead owner: an acquirer that takes the lock and finds a nonzero owner knows
 * its predecessor never unlocked, reports {@link LockResult#OWNER_DIED} and writes itself as owner.
 * Unlocking clears the owner and frees the lock in <em>one</em> {@code semop}, and recording the
 * owner is one {@code semop} too, so no crash can leave a half-written owner.
 *
 * <h2>Every crash point</h2>
 * <ol>
 *   <li><b>Killed while waiting</b> in {@code semtimedop}: the operation never happened, there is
 *       no undo entry; nothing changes for anyone.</li>
 *   <li><b>Killed after taking the lock, before recording itself</b>: the kernel gives the lock
 *       back; the owner halves still hold what the previous holder left. If that is 0 (a proper
 *       unlock), the next acquirer is told ACQUIRED — correct, because the killed process never
 *       returned from {@code lock()} and so never touched the protected state. If it is a dead
 *       owner's pid, the next acquirer is told OWNER_DIED — correct, the damage that owner left is
 *       still unrepaired.</li>
 *   <li><b>Killed while recording itself</b>: one atomic {@code semop}; it happened (case 4) or
 *       not (case 2).</li>
 *   <li><b>Killed while holding</b> (the critical section, or repairing after OWNER_DIED): the
 *       kernel gives the lock back, the owner still names the dead process: the next acquirer is
 *       told OWNER_DIED. A holder that dies while repairing passes the report on.</li>
 *   <li><b>Killed while unlocking</b>: clearing the owner and freeing the lock are one atomic
 *       {@code semop} (its {@code SEM_UNDO} +1 also cancels the undo entry of the take): it
 *       happened (case 6) or not (case 4: reported OWNER_DIED — conservative, never a missed death).</li>
 *   <li><b>Killed after unlocking</b>: the undo entry is back to 0 and the owner is 0: nothing to
 *       report; the next acquirer is told ACQUIRED.</li>
 *   <li><b>Closed while holding</b> ({@link #abandon}): the lock is freed without clearing the
 *       owner, so the next acquirer is told OWNER_DIED.</li>
 *   <li><b>The set is removed</b> ({@code ipcrm}, {@code removeMutex}) while in use: every call
 *       fails with {@code EIDRM}/{@code EINVAL} as a typed exception; nobody is told a lock is held.</li>
 * </ol>
 * Recording the owner failing for another reason (someone changed the set by hand) gives the lock
 * back as abandoned before the error is thrown, so the lock is never left taken by nobody.
 *
 * <h2>Why no liveness check of the owner pid</h2>
 * With the owner cleared atomically with every proper unlock, "lock free and owner nonzero" can
 * only mean the owner ended without unlocking (or someone edited the set by hand). Asking the OS
 * whether the pid lives ({@code kill(pid, 0)}) would add nothing and could mislead: the pid may
 * have been reused by an unrelated process, and a process that {@linkplain #abandon abandoned} the
 * lock is alive. For the same reason processes in different pid namespaces that share the IPC
 * namespace are handled correctly (the pid shown by {@link #status} is then the recorder's).
 */
public final class UndoSemaphoreMutex implements MutexSeam {
    public static final int LOCK = 0;
    public static final int OWNER_LOW = 1;
    public static final int OWNER_HIGH = 2;
    public static final int SEMAPHORES = 3;
    /** Bits per owner half: SEMVMX is 32767. */
    public static final int HALF_BITS = 15;
    private static final int HALF_MASK = (1 << HALF_BITS) - 1;
    private static final long SELF = ProcessHandle.current().pid();

    private final String name;
    private final UndoSemaphoreSet set;

    /** @param name the mutex's portable name, for messages */
    public UndoSemaphoreMutex(String name, UndoSemaphoreSet set) {
        if (SELF <= 0 || SELF >= 1L << (2 * HALF_BITS)) {
            throw new IpcException("open mutex", name, "this process's pid " + SELF
                    + " does not fit the owner record (1 to 2^30 - 1)");
        }
        this.name = name;
        this.set = set;
    }

    /** The initial values of a new set: the lock free, no owner. */
    public static int[] initialValues() {
        return new int[] {1, 0, 0};
    }

    @Override
    public String identity() {
        return set.identity();
    }

    @Override
    public LockResult acquire(long timeoutNanos) {
        if (!set.takeLock(timeoutNanos)) {
            return LockResult.TIMED_OUT;
        }
        long previous = owner();
        if (previous != SELF) {
            try {
                set.addToOwner(low(SELF) - low(previous), high(SELF) - high(previous));
            } catch (RuntimeException e) {
                try {
                    set.releaseLock(0, 0); // give the lock back, still naming the previous owner
                } catch (RuntimeException second) {
                    e.addSuppressed(second);
                }
                throw e;
            }
        }
        // A pid equal to ours is a reused pid of a dead process (this process cannot have died):
        // still a death.
        return previous == 0 ? LockResult.ACQUIRED : LockResult.OWNER_DIED;
    }

    @Override
    public void release() {
        long owner = owner(); // SELF unless someone edited the set; clear whatever is there
        set.releaseLock(-low(owner), -high(owner));
    }

    @Override
    public void abandon() {
        set.releaseLock(0, 0);
    }

    @Override
    public MutexStatus status() {
        int lock = set.value(LOCK);
        long owner = owner();
        if (lock > 0) {
            return owner == 0 ? new MutexStatus(MutexStatus.State.FREE, -1)
                    : new MutexStatus(MutexStatus.State.OWNER_DIED, owner);
        }
        return new MutexStatus(MutexStatus.State.HELD, owner == 0 ? -1 : owner);
    }

    private long owner() {
        return set.value(OWNER_LOW) | ((long) set.value(OWNER_HIGH) << HALF_BITS);
    }

    private static int low(long pid) {
        return (int) (pid & HALF_MASK);
    }

    private static int high(long pid) {
        return (int) (pid >>> HALF_BITS);
    }

    @Override
    public void close() {
        set.close();
    }

    @Override
    public String toString() {
        return "UndoSemaphoreMutex[" + name + ", " + set.identity() + "]";
    }
}
