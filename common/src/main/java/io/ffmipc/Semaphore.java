package io.ffmipc;

import java.time.Duration;

/** A counting semaphore shared between processes. */
public interface Semaphore extends AutoCloseable {

    /** The portable name the semaphore was opened by. */
    String name();

    /** Takes one unit, waiting as long as it takes. */
    void acquire();

    /** Takes one unit if one is available now. */
    boolean tryAcquire();

    /**
     * Takes one unit, waiting at most {@code timeout}. A timeout is a result ({@code false}), not an
     * exception. Interrupting the waiting thread ends the wait early where the OS allows.
     */
    boolean tryAcquire(Duration timeout);

    /** Returns one unit; {@link IpcLimitException} if the value would exceed the OS maximum. */
    void release();

    /**
     * The current value (a snapshot; other processes may change it at once).
     *
     * @throws IpcException where the OS has no call that reads it (Windows; macOS, whose
     *                      {@code sem_getvalue} is a stub): the semaphore itself works
     */
    int value();

    /** Removes the name; open handles keep working. Does nothing where names die with their last handle. */
    void unlink();

    /** Safe to call twice; any later use throws {@link IllegalStateException}. */
    @Override
    void close();
}
