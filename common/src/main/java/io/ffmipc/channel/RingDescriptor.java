package io.ffmipc.channel;

/**
 * The layout of one ring in a channel's shared memory. Positions are byte counts since the ring
 * was created and only grow; a position's index in the data area is {@code position & (capacity - 1)}.
 *
 * <pre>
 *  offset  field                      written by          read by
 *  0       PRODUCER_POSITION (long)   producers (CAS if MPSC;  consumer (stall check, and SPSC:
 *                                     SPSC: release, after     "published past me, yet LENGTH 0"
 *                                     each record's LENGTH)    is corruption), producers
 *          … padding to 128 bytes: its own pair of cache lines (adjacent-line prefetch)
 *  128     CONSUMER_POSITION (long)   consumer (release)  producers (acquire, when the cached value says full)
 *          … padding to 256
 *  256     CONSUMER_WAKE_SEQ (int)    producers           consumer parks on it (futex word)
 *  260     CONSUMER_WAITERS (int)     consumer            producers, after a fence
 *  264     CONSUMER_MAY_PARK (int)    consumer, at open   producers, after each publish
 *          … padding to 384
 *  384     PRODUCER_WAKE_SEQ (int)    consumer            producers park on it
 *  388     PRODUCER_WAITERS (int)     producers           consumer, after a fence
 *  392     PRODUCER_MAY_PARK (int)    producers, at open  consumer, after each release
 *          … padding to 512
 *  512     DATA[capacity]             records
 * </pre>
 *
 * A record is {@link #RECORD_HEADER} bytes of header and its payload, padded to 8 bytes:
 * <pre>
 *  0  LENGTH (int): header + payload, unpadded; 0 = not (yet) published. Written LAST with release.
 *  4  TYPE (int):   {@link #TYPE_MESSAGE} or {@link #TYPE_PADDING} (fills the rest of the ring before a wrap)
 *  8  payload
 * </pre>
 * A LENGTH of 0 always means "nothing published here", on every lap: in SPSC the producer zeroes
 * the header after each record (the terminator) before publishing it, so the consumer never writes
 * the data area (a claim owns those 8 extra bytes); in MPSC, where the next header may already
 * belong to another producer, the consumer zeroes each record after reading it.
 */
public final class RingDescriptor {
    public static final int CACHE_LINE_PAIR = 128;
    public static final int PRODUCER_POSITION_OFFSET = 0;
    public static final int CONSUMER_POSITION_OFFSET = 128;
    public static final int CONSUMER_WAIT_OFFSET = 256;
    public static final int PRODUCER_WAIT_OFFSET = 384;
    /** Within a wait block: the futex word, the waiter count, the "may park" declaration. */
    public static final int WAKE_SEQ = 0;
    public static final int WAITERS = 4;
    public static final int MAY_PARK = 8;
    public static final int DATA_OFFSET = 512;

    public static final int RECORD_HEADER = 8;
    public static final int RECORD_ALIGNMENT = 8;
    public static final int LENGTH_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int TYPE_MESSAGE = 1;
    public static final int TYPE_PADDING = 2;

    public static final int MIN_CAPACITY = 256;
    public static final int MAX_CAPACITY = 1 << 30;

    private RingDescriptor() {
    }

    /** Bytes one ring occupies: metadata plus data. */
    public static long length(int capacity) {
        return DATA_OFFSET + (long) capacity;
    }

    /** Power of two within bounds, so that index = position & mask and every record fits aligned. */
    public static void checkCapacity(int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two between " + MIN_CAPACITY
                    + " and " + MAX_CAPACITY + " bytes, got " + capacity);
        }
    }

    /** Largest aligned record: half the ring, so a record always fits once the ring drains, wrap or not. */
    public static int maxRecord(int capacity) {
        return capacity / 2;
    }

    /** Largest payload. */
    public static int maxPayload(int capacity) {
        return maxRecord(capacity) - RECORD_HEADER;
    }

    /** Record length rounded up to the alignment. */
    public static int aligned(int length) {
        return (length + RECORD_ALIGNMENT - 1) & -RECORD_ALIGNMENT;
    }

    /** Checks that a ring of {@code capacity} starting at {@code offset} fits a mapping of {@code size}, aligned. */
    public static void checkPlacement(long offset, int capacity, long size) {
        if (offset % CACHE_LINE_PAIR != 0) {
            throw new IllegalArgumentException("a ring must start on a 128-byte boundary, got offset " + offset);
        }
        if (offset < 0 || offset + length(capacity) > size) {
            throw new IllegalArgumentException("a ring of capacity " + capacity + " at offset " + offset
                    + " needs " + length(capacity) + " bytes, the memory has " + size);
        }
    }
}
