package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * One process's end of a two-way message path between the driver and its peer. The harness
 * ({@link Exchanges}) drives every mechanism through this, so a mechanism is only the code that
 * moves bytes; sequence checks and timing are the same for all.
 *
 * <p>Messages have a fixed length that both sides know from the phase they are in. Implementations
 * allocate nothing per call.
 */
public interface Link extends AutoCloseable {

    /** How long a side waits for the other before the run fails (covers the peer JVM's start). */
    Duration PATIENCE = Duration.ofSeconds(20);

    /** Sends the first {@code length} bytes of {@code message}. */
    void send(MemorySegment message, int length);

    /**
     * Receives the next message, which must be exactly {@code length} bytes, into {@code into};
     * throws {@link BenchFailure} when none arrives within {@link #PATIENCE} or the other side is gone.
     */
    void receive(MemorySegment into, int length);

    /** Releases everything the link holds; the driver's side also removes the objects it created. */
    @Override
    void close();
}
