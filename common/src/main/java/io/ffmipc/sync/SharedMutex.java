package io.ffmipc.sync;

import io.ffmipc.core.SeamWaits;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.core.Deadline;
import io.ffmipc.spi.SharedWord;

import java.lang.foreign.MemorySegment;

/**
 * A plain (not robust) process-shared mutex on one seam word, after Drepper's "Futexes Are Tricky"
 * (mutex 2): 0 free, 1 locked, 2 locked with possible waiters, so an unlock without waiters makes
 * no system call. Which thread holds it is known only to the holding handle (a process that never
 * locked it cannot unlock it); a holder that dies leaves it locked — the robust mutex is a
 * different type.
 */
final class SharedMutex {
    private static final int FREE = 0;
    private static final int LOCKED = 1;
    private static final int CONTENDED = 2;

    private final MemorySegment s;
    private final long offset;
    private final SharedWord word;
    private final String label;
    private volatile Thread holder;

    SharedMutex(SharedWord word, String label) {
        this.s = word.segment();
        this.offset = word.offset();
        this.word = word;
        this.label = label;
    }

    /** Locks within the deadline; false if it passed. Not reentrant. */
    boolean lock(Deadline deadline) {
        if (holder == Thread.currentThread()) {
            throw new IllegalMonitorStateException(label + ": this thread already holds the lock (it is not reentrant)");
        }
        // CAS and exchange are full fences: the critical section cannot float above the acquisition.
        int c = SharedInts.compareAndExchange(s, offset, FREE, LOCKED);
        if (c != FREE) {
            if (c != CONTENDED) {
                c = SharedInts.getAndSet(s, offset, CONTENDED);
            }
            while (c != FREE) {
                if (!SeamWaits.await(word, CONTENDED, deadline.atNanos(), this)) {
                    // Timed out. The word may stay CONTENDED with nobody waiting: that costs the
                    // next unlock one needless wake, never a lost one.
                    return false;
                }
                c = SharedInts.getAndSet(s, offset, CONTENDED);
            }
        }
        holder = Thread.currentThread();
        return true;
    }

    /**
     * Locks without a limit, ignoring interrupts meanwhile (they stay pending): for re-taking the lock
     * after a condition wait or breaking a barrier, which must not be skipped.
     */
    void lockUninterruptibly() {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    lock(Deadline.never());
                    return;
                } catch (IpcInterruptedException e) {
                    interrupted |= Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void unlock() {
        if (holder != Thread.currentThread()) {
            throw new IllegalMonitorStateException(label + ": the calling thread does not hold the lock"
                    + (holder == null ? "" : " (another thread of this process does)"));
        }
        holder = null;
        // Exchange is a full fence: the critical section's writes are visible before the lock is free.
        if (SharedInts.getAndSet(s, offset, FREE) == CONTENDED) {
            word.wake(1);
        }
    }

    boolean heldByCurrentThread() {
        return holder == Thread.currentThread();
    }

    /** For a barrier's holder that must report: whether this handle's thread holds the lock. */
    void checkHeld(String operation) {
        if (holder != Thread.currentThread()) {
            throw new IllegalMonitorStateException(label + ": " + operation + " needs the lock, which the calling"
                    + " thread does not hold");
        }
    }
}
