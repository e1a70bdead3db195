package io.ffmipc;

/**
 * A snapshot of a {@link RobustMutex}'s state, as {@code ffmipc mutex status} shows it. Other
 * processes may change it at once; it is for display and diagnosis, not for deciding whether to lock.
 *
 * @param state    free, held, or free after an owner that ended without unlocking
 * @param ownerPid the process that holds it ({@link State#HELD}) or that ended holding it
 *                 ({@link State#OWNER_DIED}); -1 when free or not known (on Windows a mutex does
 *                 not reveal its owner)
 */
public record MutexStatus(State state, long ownerPid) {

    /** Whether the mutex is free, held, or free after its owner died holding it. */
    public enum State {
        /** Nobody holds it and the last owner unlocked it properly. */
        FREE,
        /** A process holds it. */
        HELD,
        /** Nobody holds it, but the last owner ended without unlocking: the next acquirer is told {@link LockResult#OWNER_DIED}. */
        OWNER_DIED
    }

    /** A state is required. */
    public MutexStatus {
        if (state == null) {
            throw new IllegalArgumentException("a mutex status needs a state");
        }
    }

    @Override
    public String toString() {
        return switch (state) {
            case FREE -> "free";
            case HELD -> ownerPid > 0 ? "held by pid " + ownerPid : "held (owner not recorded yet)";
            case OWNER_DIED -> "owner died" + (ownerPid > 0 ? " (pid " + ownerPid + ")" : "")
                    + "; the next acquirer is told OWNER_DIED";
        };
    }
}
