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

    /** Takes the messages of a stream as {@link #receiveBatch} hands them over. */
    @FunctionalInterface
    interface StreamSink {
        /** One message of {@code length} bytes at {@code offset} in {@code memory}; returns whether it is the stream's last. */
        boolean accept(MemorySegment memory, long offset, int length);
    }

    /** Most messages one {@link #receiveBatch} hands over (the poll limit of every mechanism that polls). */
    int BATCH = 64;

    /**
     * The stream's consumer: waits for the next message like {@link #receive}, then hands it and
     * whatever else is already waiting (at most {@link #BATCH}) to {@code sink}, in place where the
     * mechanism allows; every message must be {@code length} bytes. Returns whether the sink saw
     * the stream's last message (the batch ends there). Mechanisms that can take several messages
     * per call (a poll with a fragment limit) override this; the default takes one.
     */
    default boolean receiveBatch(MemorySegment into, int length, StreamSink sink) {
        receive(into, length);
        return sink.accept(into, 0, length);
    }

    /** Releases everything the link holds; the driver's side also removes the objects it created. */
    @Override
    void close();
}
