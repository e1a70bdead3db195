package io.ffmipc;

/**
 * What an attempt to take a {@link RobustMutex} came to. Running out of time is a result, not an
 * exception.
 */
public enum LockResult {
    /** The lock was free and its previous owner had released it properly: the protected state is as it left it. */
    ACQUIRED,
    /**
     * The lock is now held by the caller, but its previous owner ended without unlocking — its
     * process died (killed, crashed), its thread ended, or it closed the mutex while holding it.
     * The state the lock protects may be half-changed: check or repair it before relying on it.
     * The next acquirer is told the same until the caller unlocks properly, so a caller that dies
     * while repairing does not hide the damage.
     */
    OWNER_DIED,
    /** The lock was not taken: it stayed held elsewhere until the timeout (or at once, for {@code tryLock()}). */
    TIMED_OUT;

    /** Whether the caller now holds the lock ({@link #ACQUIRED} or {@link #OWNER_DIED}). */
    public boolean acquired() {
        return this != TIMED_OUT;
    }

    /** Whether the caller holds the lock and must check the protected state ({@link #OWNER_DIED}). */
    public boolean ownerDied() {
        return this == OWNER_DIED;
    }
}
