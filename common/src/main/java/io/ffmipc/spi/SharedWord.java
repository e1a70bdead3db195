package io.ffmipc.spi;

import io.ffmipc.core.Deadline;
import java.lang.foreign.MemorySegment;

/**
 * A 32-bit word in shared memory that threads of any process can park on (see {@link WaitSeam}).
 * Neither method allocates: they sit on the hot paths of the channel and the sync types.
 */
public interface SharedWord extends AutoCloseable {

    /** The mapping the word lives in. */
    MemorySegment segment();

    /** The word's byte offset in {@link #segment()}. */
    long offset();

    /**
     * Parks the calling thread while the word holds {@code expected}. Returns {@code true} when
     * woken, when the word no longer holds {@code expected}, or spuriously — callers re-check
     * their condition in a loop; returns {@code false} once {@code deadline} has passed. A Java
     * interrupt ends the wait with {@link io.ffmipc.IpcInterruptedException} (flag kept set).
     */
    default boolean await(int expected, Deadline deadline) {
        return await(expected, deadline.atNanos());
    }

    /**
     * {@link #await(int, Deadline)} with the deadline in primitive form ({@link Deadline#nanosAfter},
     * {@link Deadline#FOREVER}), so that waits on hot paths allocate nothing.
     */
    boolean await(int expected, long deadlineNanos);

    /** Wakes at most {@code count} threads parked on the word; returns how many were woken, where the OS says. */
    int wake(int count);

    /** Wakes every thread parked on the word. */
    default int wakeAll() {
        return wake(Integer.MAX_VALUE);
    }

    /** Releases OS resources tied to the word (none on Linux). Safe to call twice. */
    @Override
    void close();
}
