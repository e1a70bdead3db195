package io.ffmipc;

import java.time.Duration;

/**
 * A named mutex shared between processes that survives its owner's death: when the process
 * holding it is killed, the next acquirer gets the lock and is told {@link LockResult#OWNER_DIED},
 * so it can repair the state the lock protects.
 *
 * <h2>Ownership</h2>
 * The lock is held by a Java thread (platform or virtual) through one {@code RobustMutex} object;
 * only that thread unlocks it through that object, otherwise {@link MutexOwnershipException}. The
 * OS sees the lock as held by the <em>process</em>, never by an OS thread, so a virtual thread may
 * move between carrier threads while it holds the lock. It is not reentrant: locking it again from
 * the thread that holds it throws {@link MutexOwnershipException} instead of deadlocking.
 *
 * <h2>When is the owner dead?</h2>
 * <ul>
 *   <li>its process ended without unlocking (SIGKILL, crash, exit) — on every OS;</li>
 *   <li>its thread ended without unlocking — noticed by acquirers in the same process (other
 *       processes see the lock held until the process ends or closes the mutex);</li>
 *   <li>it {@link #close() closed} the mutex while holding it.</li>
 * </ul>
 *
 * <h2>Per OS</h2>
 * Linux and macOS: a System V semaphore set with {@code SEM_UNDO} and the owner's pid (see
 * {@link io.ffmipc.posix.UndoSemaphoreMutex}). Windows: a named mutex ({@code CreateMutexW}),
 * whose {@code WAIT_ABANDONED} reports the owner's death (see {@link io.ffmipc.spi.MutexSeam}).
 */
public interface RobustMutex extends AutoCloseable {

    /** The portable name the mutex was opened by. */
    String name();

    /**
     * Takes the lock, waiting as long as it takes: {@link LockResult#ACQUIRED} or
     * {@link LockResult#OWNER_DIED}, never {@link LockResult#TIMED_OUT}. A Java interrupt ends the
     * wait with {@link IpcInterruptedException}.
     */
    LockResult lock();

    /** Takes the lock if it is free now; {@link LockResult#TIMED_OUT} if it is held. */
    LockResult tryLock();

    /** Takes the lock, waiting at most {@code timeout}; {@link LockResult#TIMED_OUT} if it stayed held. */
    LockResult tryLock(Duration timeout);

    /**
     * Releases the lock, which the calling thread must hold through this object; otherwise
     * {@link MutexOwnershipException}. The next acquirer is told {@link LockResult#ACQUIRED}.
     */
    void unlock();

    /** Whether the calling thread holds the lock through this object. */
    boolean isHeldByCurrentThread();

    /** A snapshot of who holds the lock. */
    MutexStatus status();

    /**
     * Ends this object's use of the mutex; the named mutex stays until
     * {@link IpcPlatform#removeMutex(String)}. If the lock is held through this object, it is
     * released as <em>abandoned</em>: the next acquirer is told {@link LockResult#OWNER_DIED},
     * since the holder did not finish with a proper {@link #unlock()} (closing it from another
     * thread while the holder is still inside its critical section lets that acquirer in — it is
     * told OWNER_DIED, and the holder's later {@code unlock()} fails). Safe to call twice; any
     * later use throws {@link IllegalStateException}.
     */
    @Override
    void close();
}
