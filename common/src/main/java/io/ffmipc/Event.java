package io.ffmipc;

import java.time.Duration;

/**
 * A signal one process raises and another waits for. An event counts its signals: in
 * {@link EventMode#COUNTER} mode one wait consumes all pending signals and returns their number,
 * in {@link EventMode#SEMAPHORE} mode one wait consumes one.
 *
 * <p>An event is handed to a child process by {@link ChildLauncher#inherit(Inheritable)}.
 */
public interface Event extends Inheritable, AutoCloseable {

    /** How a wait consumes what was signalled (see {@link EventMode}). */
    EventMode mode();

    /** Adds one signal. */
    void signal();

    /** Adds {@code count} signals (at least 1). */
    void signal(long count);

    /**
     * Waits at most {@code timeout} for a signal and consumes it; returns the number of signals
     * consumed, 0 on timeout.
     */
    long await(Duration timeout);

    /** Consumes pending signals without waiting; 0 if there were none. */
    long poll();

    /** Safe to call twice; any later use throws {@link IllegalStateException}. */
    @Override
    void close();
}
