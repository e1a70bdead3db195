package io.ffmipc.spi;

import io.ffmipc.core.SeamRobustMutex;
import io.ffmipc.posix.UndoSemaphoreMutex;
import io.ffmipc.LockResult;
import io.ffmipc.MutexStatus;

/**
 * The OS half of a {@link io.ffmipc.RobustMutex}: one process-wide lock that the kernel gives back
 * when the holding process dies, and that says whether the previous owner released it properly.
 * Everything else — timeouts in slices, interrupts, close, which Java thread owns the lock,
 * reentrancy, a dead owner thread inside this process — is {@link SeamRobustMutex}, once for every OS.
 *
 * <p>A seam's lock belongs to the <em>process</em>, not to an OS thread: the portable layer calls
 * {@link #acquire} and {@link #release} from whatever carrier thread a virtual thread runs on.
 *
 * <h2>How each OS implements it</h2>
 * <ul>
 *   <li><b>Linux</b>, <b>macOS</b>: {@link UndoSemaphoreMutex} over a System V semaphore set whose
 *       lock is taken with {@code SEM_UNDO}; SEM_UNDO adjustments belong to the process, shared by
 *       its threads, and the kernel applies them when the process exits, however it exits.</li>
 *   <li><b>Windows</b>: a named mutex ({@code CreateMutexW}, {@code Local\ffmipc.mutex.} + name). A
 *       Windows mutex is owned by the OS thread that waited for it and only that thread may
 *       {@code ReleaseMutex} it, so every {@code WaitForSingleObject} runs on a platform thread that
 *       holds nothing, and the one whose wait took the mutex keeps it until it is told to
 *       {@code ReleaseMutex} (the caller, perhaps a virtual thread, hands over the request and waits
 *       for the answer). {@code WAIT_ABANDONED} — the owning thread ended, which for such a thread
 *       means the process died — becomes {@link LockResult#OWNER_DIED}; {@link #abandon} ends that
 *       thread without releasing, so the next waiter gets {@code WAIT_ABANDONED} too. Windows does not
 *       name a mutex's owner: {@link #status} reads a record its holders keep beside it (a small named
 *       mapping).</li>
 * </ul>
 */
public interface MutexSeam extends AutoCloseable {

    /**
     * The same text for every seam on the same OS object in this process (such as
     * {@code "sysv-sem 42"}), so that two {@link io.ffmipc.RobustMutex} objects opened on one name
     * share their record of which Java thread holds the lock.
     */
    String identity();

    /**
     * One attempt to take the lock, waiting at most {@code timeoutNanos} (0: do not wait). May
     * return {@link LockResult#TIMED_OUT} early (a signal); the caller loops on its deadline.
     */
    LockResult acquire(long timeoutNanos);

    /** Releases the lock this process holds, properly: the next acquirer is told {@link LockResult#ACQUIRED}. */
    void release();

    /** Releases the lock this process holds as abandoned: the next acquirer is told {@link LockResult#OWNER_DIED}. */
    void abandon();

    /** A snapshot of the lock's state. */
    MutexStatus status();

    /** Releases this seam's OS resources (not the named object). Called once. */
    @Override
    void close();
}
