package io.ffmipc.spi;

/** An open semaphore of a {@link SemaphoreSeam}: every method is one OS call (or one attempt). */
public interface NativeSemaphore {

    /**
     * Its owner as the OS records it, or null where the OS cannot tell (the portable layer then
     * refuses to open it unless the caller accepts another owner, and says why).
     */
    ObjectOwner owner();

    /** Takes one unit if one is there now ({@code sem_trywait}); false if none (or a signal came). */
    boolean tryAcquire();

    /**
     * Waits at most {@code nanos} (positive) for a unit and takes it: {@link Attempt#DONE},
     * {@link Attempt#TIMED_OUT} or {@link Attempt#INTERRUPTED}. Where the OS has no timed wait
     * ({@link #timedWait()} false) this is never called: the portable layer polls {@link #tryAcquire}.
     */
    int acquire(long nanos);

    /** Whether {@link #acquire(long)} can wait (false on macOS, which has no {@code sem_timedwait}). */
    boolean timedWait();

    /** Returns one unit; {@link io.ffmipc.IpcLimitException} at the maximum value. */
    void release();

    /**
     * The current value, or -1 where the OS cannot say (macOS's {@code sem_getvalue} is a stub);
     * the portable layer turns -1 into an error that says so.
     */
    int value();

    /** Closes the handle (not the name); called once. */
    void close();
}
