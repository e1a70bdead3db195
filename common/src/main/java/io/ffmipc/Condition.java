package io.ffmipc;

import java.time.Duration;

/**
 * A process-shared condition variable together with the mutex it is used with, both in one named
 * shared memory object: a monitor that several processes can share. The usual pattern:
 *
 * <pre>{@code
 * c.lock();
 * try {
 *     while (!ready(shared)) {
 *         c.await(Duration.ofSeconds(1));   // releases the lock while waiting, re-takes it after
 *     }
 *     ...
 * } finally {
 *     c.unlock();
 * }
 * }</pre>
 *
 * A waiter reads a sequence number while it holds the lock and parks only while that number is
 * unchanged; {@link #signal()} and {@link #signalAll()} advance it before waking, so a signal sent
 * between the waiter's check and its parking is never lost. Waits may return spuriously (a signal
 * can release more than one waiter), so waiters re-check their condition in a loop.
 *
 * <p>The mutex is a plain futex-style lock: not reentrant, and not robust (a holder that dies leaves
 * it locked; see the robust mutex for that). Only the thread that locked it may unlock it
 * ({@link IllegalMonitorStateException} otherwise).
 */
public interface Condition extends AutoCloseable {

    /** The portable name the condition was opened by. */
    String name();

    /** Takes the lock, waiting as long as it takes (interruptible: {@link IpcInterruptedException}). */
    void lock();

    /** Takes the lock within {@code timeout}; {@code false} if it did not. */
    boolean tryLock(Duration timeout);

    /** Releases the lock; {@link IllegalMonitorStateException} if the calling thread does not hold it. */
    void unlock();

    /**
     * Releases the lock, waits at most {@code timeout} for a signal, and re-takes the lock before
     * returning (also when interrupted or timed out). {@code true} if signalled (or woken
     * spuriously), {@code false} if the timeout passed. The caller must hold the lock.
     */
    boolean await(Duration timeout);

    /** Wakes one waiter (possibly more). The caller need not hold the lock. */
    void signal();

    /** Wakes every waiter. */
    void signalAll();

    /** Removes the name; open handles keep working. */
    void unlink();

    /** Safe to call twice; later use throws {@link IllegalStateException}. */
    @Override
    void close();
}
