package io.ffmipc;

import java.time.Duration;

/**
 * A 32-bit word in shared memory that threads of any process can sleep on until it changes, and
 * that any process can wake them on: the OS's own primitive for it (a shared futex on Linux,
 * {@code os_sync_wait_on_address} on macOS, a named kernel object per word on Windows, where
 * {@code WaitOnAddress} reaches one process only). The building block of the library's events,
 * barriers and channel waits, for protocols of an application's own. Get one with
 * {@link IpcPlatform#waitWord}.
 *
 * <p>The word's value belongs to the caller, who reads and writes it in {@link #memory()}'s segment
 * with the memory ordering the protocol needs; this object only sleeps and wakes. Waking is cheap
 * but not free (a system call): a protocol usually counts its sleepers and wakes only when one may
 * sleep. Neither call allocates.
 */
public interface WaitWord extends AutoCloseable {

    /** The shared memory the word lives in. */
    SharedMemory memory();

    /** The word's byte offset in {@link #memory()}. */
    long offset();

    /**
     * Sleeps while the word holds {@code expected}, at most {@code timeout} ({@code null}: no limit).
     * Returns {@code true} when woken, when the word no longer held {@code expected}, or spuriously —
     * callers re-check their condition in a loop; {@code false} once the timeout passed. A Java
     * interrupt ends the wait with {@link IpcInterruptedException} (the flag stays set).
     */
    boolean await(int expected, Duration timeout);

    /** Wakes at most {@code count} (at least 1) threads sleeping on the word, in any process; how many, where the OS says. */
    int wake(int count);

    /** Wakes every thread sleeping on the word. */
    default int wakeAll() {
        return wake(Integer.MAX_VALUE);
    }

    /** Releases what the OS keeps for the word (nothing on Linux); the memory stays mapped. Safe to call twice. */
    @Override
    void close();
}
