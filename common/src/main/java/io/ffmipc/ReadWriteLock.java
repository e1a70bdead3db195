package io.ffmipc;

import java.time.Duration;

/**
 * A process-shared read-write lock: any number of readers, or one writer, across processes.
 *
 * <h2>Policy: writer preference</h2>
 * Once a writer waits, new readers wait too, so a stream of overlapping readers cannot starve a
 * writer: the readers inside drain, the writer gets the lock, then the waiting readers go together.
 * The price is the reverse: a continuous stream of writers can delay readers. Waiting writers are
 * not ordered among themselves.
 *
 * <p>Not reentrant. A write lock belongs to the thread that took it; read locks belong to the
 * handle (any thread of the process holding a read lock through this handle may release one),
 * and a handle that holds none cannot release one ({@link IllegalMonitorStateException}).
 */
public interface ReadWriteLock extends AutoCloseable {

    /** The portable name the lock was opened by. */
    String name();

    /** Takes a read lock within {@code timeout}; {@code false} if it did not. */
    boolean readLock(Duration timeout);

    /** Gives back a read lock this process holds. */
    void readUnlock();

    /** Takes the write lock within {@code timeout}; {@code false} if it did not. */
    boolean writeLock(Duration timeout);

    /** Gives back the write lock this process holds. */
    void writeUnlock();

    /** Removes the name; open handles keep working. */
    void unlink();

    /** Safe to call twice; later use throws {@link IllegalStateException}. */
    @Override
    void close();
}
