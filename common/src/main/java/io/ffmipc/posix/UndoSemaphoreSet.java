package io.ffmipc.posix;

/**
 * The System V operations {@link UndoSemaphoreMutex} needs, on one set of
 * {@value UndoSemaphoreMutex#SEMAPHORES} semaphores; each OS with System V semaphores (Linux,
 * macOS) implements them with {@code semop}/{@code semtimedop} and {@code semctl}. Every method
 * that changes more than one semaphore must do so in <em>one</em> {@code semop} call, so that the
 * change is atomic, also against the caller's death.
 */
public interface UndoSemaphoreSet extends AutoCloseable {

    /** Same for every object on this set in this process (such as {@code "sysv-sem 42"}). */
    String identity();

    /**
     * {@code {LOCK, -1, SEM_UNDO}}, waiting at most {@code timeoutNanos} (0: {@code IPC_NOWAIT}).
     * Returns false if the lock stayed at 0 or a signal interrupted the wait.
     */
    boolean takeLock(long timeoutNanos);

    /** The value of semaphore {@code index} ({@code GETVAL}). */
    int value(int index);

    /**
     * In one {@code semop} with {@code IPC_NOWAIT} and without {@code SEM_UNDO}: adds
     * {@code deltaLow} to {@link UndoSemaphoreMutex#OWNER_LOW} and {@code deltaHigh} to
     * {@link UndoSemaphoreMutex#OWNER_HIGH}. A delta of 0 must be left out of the call (an
     * {@code sem_op} of 0 would wait for zero); if both are 0 nothing is called.
     */
    void addToOwner(int deltaLow, int deltaHigh);

    /**
     * In one {@code semop} with {@code IPC_NOWAIT}: adds {@code deltaLow} and {@code deltaHigh} to
     * the owner halves as {@link #addToOwner} does, and {@code {LOCK, +1, SEM_UNDO}} — which also
     * cancels the undo entry of {@link #takeLock}.
     */
    void releaseLock(int deltaLow, int deltaHigh);

    /** Ends this object's use of the set (not the set). */
    @Override
    void close();
}
