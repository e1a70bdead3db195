package io.ffmipc;

/**
 * A {@link RobustMutex} was used against its ownership rules: unlocked by a thread that does not
 * hold it, or locked again by the thread that already holds it (the mutex is not reentrant, and
 * waiting would deadlock the thread against itself).
 */
public class MutexOwnershipException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** {@code detail} says which rule the caller broke. */
    public MutexOwnershipException(String operation, String objectName, String detail) {
        super(operation, objectName, null, detail);
    }
}
