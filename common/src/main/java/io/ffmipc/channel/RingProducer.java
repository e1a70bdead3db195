package io.ffmipc.channel;

import io.ffmipc.MessageTooLargeException;
import io.ffmipc.ChannelMode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.ffmipc.channel.RingDescriptor.LENGTH_OFFSET;
import static io.ffmipc.channel.RingDescriptor.RECORD_HEADER;
import static io.ffmipc.channel.RingDescriptor.TYPE_MESSAGE;
import static io.ffmipc.channel.RingDescriptor.TYPE_OFFSET;
import static io.ffmipc.channel.RingDescriptor.TYPE_PADDING;
import static io.ffmipc.channel.Shared.INT;
import static io.ffmipc.channel.Shared.LONG;

/**
 * The writing end of a ring. SPSC: the producer position lives in a field and is mirrored to
 * shared memory; MPSC: producers claim space with a compare-and-set on the shared producer
 * position, then write and publish their record independently. Either way a record becomes
 * visible by the release store of its LENGTH, after its type and payload.
 */
final class RingProducer extends RingView {
    private static final String OP = "send on channel";
    /** Inconsistent (head, tail) pairs tolerated in a row before the positions count as corrupt. */
    private static final int MAX_TORN_READS = 10_000;
    private final boolean multi;
    /**
     * Bytes past a record that its claim must also own: SPSC zeroes the next record's header (the
     * terminator) before publishing, so the consumer never has to write the data area; MPSC none.
     */
    private final int slack;
    private final WaitPoint consumerWait;
    /** Last consumer position read: space up to it is known free, so the shared line is read only when full. */
    private long cachedHead;
    /** SPSC only: our producer position (nobody else writes it). */
    private long tail;

    RingProducer(MemorySegment segment, long base, int capacity, ChannelMode mode, WaitPoint consumerWait,
                 String what, String channelName, String ringLabel) {
        super(segment, base, capacity, what, channelName, ringLabel);
        this.multi = mode == ChannelMode.MPSC;
        this.slack = multi ? 0 : RECORD_HEADER;
        this.consumerWait = consumerWait;
        long head;
        long t;
        int torn = 0;
        do { // other producers may be running: see claimShared on reading the pair
            head = (long) LONG.getAcquire(segment, consumerPosition);
            t = (long) LONG.getVolatile(segment, producerPosition);
        } while (multi && (t - head < 0 || t - head > capacity) && ++torn < MAX_TORN_READS);
        if (multi) {
            checkPositions("open " + what, head, t);
        } else {
            // A previous producer killed between a record's release and the store of its position
            // left the position trailing the consumer's, past records already taken: go on from there.
            checkTrailingPositions("open " + what, head, t);
            t = pastUnstoredRecords(Math.max(t, head), head);
        }
        this.cachedHead = head;
        this.tail = t;
    }

    /**
     * SPSC, opening: the position after the records a previous producer published beyond the
     * position it stored (killed between a record's release and the store; at most that record and
     * the padding before it). Every producer leaves a zero header (the terminator) after its last
     * record, so the walk from the stored position ends there; without it, this producer would
     * write over a published record the consumer has not taken yet.
     */
    private long pastUnstoredRecords(long t, long head) {
        while (t - head < capacity) {
            int index = (int) (t & mask);
            long rec = data + index;
            int length = (int) INT.getAcquire(segment, rec + LENGTH_OFFSET);
            if (length == 0) {
                return t;
            }
            int type = (int) INT.get(segment, rec + TYPE_OFFSET);
            int toEnd = capacity - index;
            boolean padding = type == TYPE_PADDING && length == toEnd && index != 0;
            if (!padding && (type != TYPE_MESSAGE || length < RECORD_HEADER || length > Math.min(toEnd, maxRecord))) {
                throw corrupted("open " + what, "record length at position " + t, length,
                        "a record published past the producer position must be a message or padding that fits the ring");
            }
            t += padding ? toEnd : RingDescriptor.aligned(length);
        }
        throw corrupted("open " + what, "producer position", t,
                "the records published past it must end within a capacity of the consumer position " + head);
    }

    /** Largest payload. */
    int maxPayload() {
        return maxRecord - RECORD_HEADER;
    }

    /** Writes one message from {@code src}; {@code false} if the ring has no room now. */
    boolean offer(MemorySegment src, long srcOffset, int length) {
        long rec = claim(length);
        if (rec < 0) {
            return false;
        }
        MemorySegment.copy(src, srcOffset, segment, rec + RECORD_HEADER, length);
        publish(rec, length);
        return true;
    }

    /** Writes one message from a byte array; {@code false} if the ring has no room now. */
    boolean offer(byte[] src, int srcOffset, int length) {
        long rec = claim(length);
        if (rec < 0) {
            return false;
        }
        MemorySegment.copy(src, srcOffset, segment, ValueLayout.JAVA_BYTE, rec + RECORD_HEADER, length);
        publish(rec, length);
        return true;
    }

    /** Whether a record of {@code payload} bytes would fit now (the waiting loop's re-check). */
    boolean hasRoomFor(int payload) {
        long head = (long) LONG.getAcquire(segment, consumerPosition);
        long t = multi ? (long) LONG.getVolatile(segment, producerPosition) : tail;
        return t + needed(t, RingDescriptor.aligned(RECORD_HEADER + payload)) + slack - head <= capacity;
    }

    private int needed(long position, int aligned) {
        int toEnd = capacity - (int) (position & mask);
        return aligned <= toEnd ? aligned : toEnd + aligned;
    }

    /** Reserves a record (and the padding before it, at a wrap); its absolute offset, or -1 if full. */
    private long claim(int length) {
        if (length < 0 || length > maxRecord - RECORD_HEADER) {
            throw tooLarge(length); // built elsewhere: the hot path stays small enough to inline
        }
        int aligned = RingDescriptor.aligned(RECORD_HEADER + length);
        return multi ? claimShared(aligned) : claimOwn(aligned);
    }

    private MessageTooLargeException tooLarge(int length) {
        return new MessageTooLargeException("send on " + what, channelName, length, maxRecord - RECORD_HEADER,
                "half the ring capacity of " + capacity + " minus the 8-byte record header");
    }

    private long claimOwn(int aligned) {
        long t = tail;
        int needed = needed(t, aligned);
        int owned = needed + RECORD_HEADER; // the record and the terminator after it
        if (t + owned - cachedHead > capacity && !refreshHead(t, owned)) {
            return -1;
        }
        int index = (int) (t & mask);
        if (needed != aligned) {
            // The padding sends the consumer to index 0: it must read LENGTH 0 there until we publish.
            LONG.set(segment, data, 0L);
            writePadding(index);
            index = 0;
        }
        tail = t + needed;
        // Terminator: the next record's header reads 0 until that record is published. Written
        // before this record's release, so a consumer that sees this record sees the 0 after it;
        // this is what keeps stale lengths of earlier laps from ever being read as new records.
        LONG.set(segment, data + (tail & mask), 0L);
        return data + index;
    }

    private long claimShared(int aligned) {
        int torn = 0;
        while (true) {
            // Volatile read: the latest claim by any producer, so the CAS below rarely fails.
            long t = (long) LONG.getVolatile(segment, producerPosition);
            int needed = needed(t, aligned);
            if (t + needed - cachedHead > capacity) {
                // Consumer position first, then the producer position again: both only grow and the
                // consumer never passes the producers, so this order sees head <= tail. The two reads
                // are not one snapshot, though: descheduled between them, we may see a tail that
                // moved more than a capacity past an old head. Retry such pairs; only a pair that
                // stays inconsistent (a peer wrote garbage) is an error, so garbage cannot spin us.
                long head = (long) LONG.getAcquire(segment, consumerPosition);
                long fresh = (long) LONG.getVolatile(segment, producerPosition);
                if ((fresh - head < 0 || fresh - head > capacity) && ++torn < MAX_TORN_READS) {
                    Thread.onSpinWait();
                    continue;
                }
                checkPositions(OP, head, fresh);
                cachedHead = head;
                if (fresh != t) {
                    continue; // other producers claimed meanwhile: start over from the new tail
                }
                if (t + needed - head > capacity) {
                    return -1;
                }
            }
            // The CAS publishes nothing: the record stays invisible (LENGTH 0) until publish().
            if (LONG.compareAndSet(segment, producerPosition, t, t + needed)) {
                int index = (int) (t & mask);
                if (needed != aligned) {
                    writePadding(index);
                    index = 0;
                }
                return data + index;
            }
            Thread.onSpinWait();
        }
    }

    /** SPSC: re-reads the consumer position; {@code true} if {@code needed} bytes are free at our tail {@code t}. */
    private boolean refreshHead(long t, int needed) {
        // Acquire: pairs with the consumer's release of its position, which follows its zeroing of
        // the consumed records; our writes into that space come after both.
        long head = (long) LONG.getAcquire(segment, consumerPosition);
        checkPositions(OP, head, t);
        if (head < cachedHead) {
            throw corrupted(OP, "consumer position", head, "it never moves back (it was " + cachedHead + ")");
        }
        cachedHead = head;
        return t + needed - head <= capacity;
    }

    private void writePadding(int index) {
        long rec = data + index;
        INT.set(segment, rec + TYPE_OFFSET, TYPE_PADDING);
        // Release: the type is visible before the length that makes the padding record exist.
        INT.setRelease(segment, rec + LENGTH_OFFSET, capacity - index);
    }

    private void publish(long rec, int length) {
        INT.set(segment, rec + TYPE_OFFSET, TYPE_MESSAGE);
        // Release, LAST: type and payload are visible to a consumer that acquires this length.
        INT.setRelease(segment, rec + LENGTH_OFFSET, RECORD_HEADER + length);
        if (!multi) {
            // SPSC mirror of our position, stored AFTER the record's release: every record below
            // the mirrored position is published, so a consumer that acquires it and still reads
            // LENGTH 0 at its own position knows the ring was corrupted (RingConsumer#checkPublished).
            LONG.setRelease(segment, producerPosition, tail);
        }
        consumerWait.wakeIfParked();
    }
}
