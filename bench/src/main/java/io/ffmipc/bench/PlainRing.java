package io.ffmipc.bench;

import io.ffmipc.spi.Durations;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One direction of a plain single-producer single-consumer ring in shared memory, written as tight
 * as we know how and with no validation: the "plain Java FFM ring" row ({@code shm-spin}) and the
 * message store under every wake-up mechanism of the harness (semaphores, eventfd, futex). The C
 * reference peers ({@code src/main/c/ffmipc_peers.c}) use the same layout and algorithm, so the
 * only differences between a Java row and its C row are the wake-up primitive's wrapper and the
 * language.
 *
 * <pre>
 *   0              CONSUMED  (long, messages the consumer took: written once per batch, release)
 *   128            slot 0    [long sequence = message number + 1, written LAST with release]
 *                            [int length][pad to 16][payload ≤ 1024]            (SLOT bytes)
 *   128 + SLOT     slot 1 ... SLOTS slots
 * </pre>
 * The consumer polls the slot itself, so the flag and a small payload arrive in one cache-line
 * transfer, and a slot of an earlier lap can never pass for a new message (its sequence is SLOTS
 * lower). The producer keeps a cached copy of CONSUMED and reads the shared one only when the
 * cache says the ring is full.
 */
final class PlainRing {
    static final int SLOTS = 128;
    static final int SLOT = 1088;
    static final long CONSUMED = 0;
    static final long FIRST_SLOT = 128;
    static final long BYTES = FIRST_SLOT + (long) SLOTS * SLOT;
    /** Most messages a stream consumer takes before publishing its count: a quarter of the ring. */
    static final int BATCH = SLOTS / 4;

    private static final long LENGTH = 8;
    private static final long PAYLOAD = 16;
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment ring;
    private final String label;
    /** Messages this process wrote (producer) or took (consumer). */
    private long position;
    /** Producer: the consumer's count last read. */
    private long cachedConsumed;

    PlainRing(MemorySegment region, long offset, String label) {
        this.ring = region.asSlice(offset, BYTES);
        this.label = label;
    }

    private static long slot(long n) {
        return FIRST_SLOT + (n % SLOTS) * SLOT;
    }

    /** Copies a message into the next slot and publishes it; waits while the ring is full. */
    void write(MemorySegment message, int length) {
        long w = position;
        if (w - cachedConsumed >= SLOTS) {
            awaitSpace(w);
        }
        long slot = slot(w);
        ring.set(ValueLayout.JAVA_INT, slot + LENGTH, length);
        MemorySegment.copy(message, 0, ring, slot + PAYLOAD, length);
        // release, last: the length and payload are visible to a consumer that acquires the sequence
        LONG.setRelease(ring, slot, w + 1);
        position = w + 1;
    }

    private void awaitSpace(long w) {
        long deadline = System.nanoTime() + Link.PATIENCE.toNanos();
        for (int spins = 1; w - (cachedConsumed = (long) LONG.getAcquire(ring, CONSUMED)) >= SLOTS; spins++) {
            // full only while streaming: the consumer is awake and draining, so give it the CPU now and then
            if ((spins & 0x3f) == 0) {
                Thread.yield();
                if (System.nanoTime() - deadline > 0) {
                    throw new BenchFailure(label + ": the consumer took nothing for " + Durations.format(Link.PATIENCE));
                }
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Whether the next message is published. */
    boolean available() {
        return (long) LONG.getAcquire(ring, slot(position)) == position + 1;
    }

    /** The payload length of the next message, which must be published. */
    int length() {
        return ring.get(ValueLayout.JAVA_INT, slot(position) + LENGTH);
    }

    /** The ring memory, for reading the next message in place. */
    MemorySegment memory() {
        return ring;
    }

    /** Where the next message's payload starts in {@link #memory()}. */
    long payloadOffset() {
        return slot(position) + PAYLOAD;
    }

    /** Moves past the next message (the producer learns of it at {@link #release()}). */
    void take() {
        position++;
    }

    /** Publishes the consumer's count: once per batch. */
    void release() {
        // release: the slots were read before the producer may reuse them
        LONG.setRelease(ring, CONSUMED, position);
    }

    /** Copies the next message out and releases it; it must be published and {@code length} bytes. */
    void read(MemorySegment into, int length) {
        if (!available()) {
            throw new SequenceException(label + ": woken for message " + position + " but it is not published");
        }
        int stored = length();
        if (stored != length) {
            throw new SequenceException(label + ": message " + position + " has " + stored + " bytes, expected " + length);
        }
        MemorySegment.copy(ring, payloadOffset(), into, 0, length);
        take();
        release();
    }

    /** Busy-spins until the next message is published; fails after {@link Link#PATIENCE}. */
    void spinUntilAvailable() {
        if (available()) {
            return;
        }
        long deadline = System.nanoTime() + Link.PATIENCE.toNanos();
        for (int spins = 1; !available(); spins++) {
            Thread.onSpinWait();
            if ((spins & 0xfff) == 0 && System.nanoTime() - deadline > 0) {
                throw new BenchFailure(label + ": no message within " + Durations.format(Link.PATIENCE));
            }
        }
    }
}
