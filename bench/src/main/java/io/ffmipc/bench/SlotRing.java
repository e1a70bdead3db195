package io.ffmipc.bench;

import io.ffmipc.spi.Durations;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One direction of a single-producer single-consumer ring of fixed-size slots in shared memory,
 * the message store under every signalling mechanism of the harness (semaphores, eventfd, futex,
 * and busy-spin). The same layout is used by the C reference peers, so the only difference
 * between the Java and the C rows is the wake-up and the language.
 *
 * <pre>
 *   0              published   (long, producer writes: messages published so far)
 *   128            consumed    (long, consumer writes: messages consumed so far)
 *   256            slot 0      [int length][pad to 8][payload ≤ 1024]   (SLOT bytes each)
 *   256 + SLOT     slot 1 ...  SLOTS slots
 * </pre>
 * The counters sit 128 bytes apart so the adjacent-line prefetcher does not make them share.
 */
final class SlotRing {
    static final int SLOTS = 64;
    static final int SLOT = 1088;
    static final long PUBLISHED = 0;
    static final long CONSUMED = 128;
    static final long FIRST_SLOT = 256;
    static final long BYTES = FIRST_SLOT + (long) SLOTS * SLOT;

    private static final VarHandle COUNTER = ValueLayout.JAVA_LONG.varHandle();

    private final MemorySegment ring;
    private final String label;
    /** This process's own count: messages it wrote (producer) or read (consumer). */
    private long position;

    SlotRing(MemorySegment region, long offset, String label) {
        this.ring = region.asSlice(offset, BYTES);
        this.label = label;
    }

    /** Copies a message into the next slot and publishes it; waits while the ring is full. */
    void write(MemorySegment message, int length) {
        long w = position;
        if (w - (long) COUNTER.getAcquire(ring, CONSUMED) >= SLOTS) {
            awaitSpace(w);
        }
        long slot = FIRST_SLOT + (w % SLOTS) * SLOT;
        ring.set(ValueLayout.JAVA_INT, slot, length);
        MemorySegment.copy(message, 0, ring, slot + 8, length);
        // release: the slot's bytes are visible before the count that announces them
        COUNTER.setRelease(ring, PUBLISHED, w + 1);
        position = w + 1;
    }

    /** Whether a message is waiting for the consumer. */
    boolean available() {
        return (long) COUNTER.getAcquire(ring, PUBLISHED) > position;
    }

    /** Copies the next message out; it must be {@code length} bytes and already published. */
    void read(MemorySegment into, int length) {
        long r = position;
        long published = (long) COUNTER.getAcquire(ring, PUBLISHED);
        if (published <= r) {
            throw new SequenceException(label + ": woken for message " + r + " but only " + published + " are published");
        }
        long slot = FIRST_SLOT + (r % SLOTS) * SLOT;
        int stored = ring.get(ValueLayout.JAVA_INT, slot);
        if (stored != length) {
            throw new SequenceException(label + ": message " + r + " has " + stored + " bytes, expected " + length);
        }
        MemorySegment.copy(ring, slot + 8, into, 0, length);
        // release: the slot is copied out before the producer may reuse it
        COUNTER.setRelease(ring, CONSUMED, r + 1);
        position = r + 1;
    }

    /** Busy-spins until a message is published; fails after {@link Link#PATIENCE}. */
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

    private void awaitSpace(long w) {
        long deadline = System.nanoTime() + Link.PATIENCE.toNanos();
        for (int spins = 1; w - (long) COUNTER.getAcquire(ring, CONSUMED) >= SLOTS; spins++) {
            // full only while streaming: the consumer is awake and draining, so give it the CPU
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
}
