package io.ffmipc;

import java.time.Duration;

/**
 * A process-shared cyclic barrier for a fixed number of parties: each {@link #await} blocks until
 * that many awaits (from any processes) have arrived, then all return and the barrier is ready for
 * the next generation.
 *
 * <h2>Timeouts break the barrier</h2>
 * As with {@link java.util.concurrent.CyclicBarrier}: when a party's wait times out (or its thread
 * is interrupted) before the generation is complete, that party gets {@code -1} (or the
 * interrupt), and the barrier becomes <em>broken</em>: every other party waiting in that generation
 * and every later {@code await} throw {@link BarrierBrokenException}. Unlike {@code CyclicBarrier}
 * there is no reset, since parties in other processes cannot be told to start over: a broken
 * barrier stays broken; remove it and create a new one. A generation that completes before the
 * timeout is a success for every party in it.
 */
public interface Barrier extends AutoCloseable {

    /** The portable name the barrier was opened by. */
    String name();

    /** The number of parties per generation, fixed when the barrier was created. */
    int parties();

    /**
     * Arrives and waits at most {@code timeout} for the rest of this generation. Returns the arrival
     * index: {@code parties() - 1} for the first to arrive, 0 for the last (which releases the others);
     * {@code -1} if the timeout passed first, which breaks the barrier.
     *
     * @throws BarrierBrokenException the barrier is or became broken
     */
    int await(Duration timeout);

    /** Whether a party timed out or was interrupted (permanent). */
    boolean isBroken();

    /** Removes the name; open handles keep working. */
    void unlink();

    /** Safe to call twice; later use throws {@link IllegalStateException}. */
    @Override
    void close();
}
