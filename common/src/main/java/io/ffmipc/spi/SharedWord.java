package io.ffmipc.spi;

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
     * One attempt: parks the calling thread while the word holds {@code expected}, at most
     * {@code nanos} (positive). Returns {@link Attempt#DONE} when woken, when the word no longer held
     * {@code expected}, or spuriously (callers re-check their condition); {@link Attempt#TIMED_OUT}
     * when the time passed; {@link Attempt#INTERRUPTED} when a signal ended the wait. Deadlines,
     * slices and Java interrupts are the caller's ({@code io.ffmipc.core.SeamWaits}).
     *
     * @throws IllegalStateException if the word or its memory was closed
     */
    int await(int expected, long nanos);

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
