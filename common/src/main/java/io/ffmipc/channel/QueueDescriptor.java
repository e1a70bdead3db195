package io.ffmipc.channel;

import io.ffmipc.IpcLimitException;

/**
 * The layout of the portable message queue's shared memory ({@link ChannelMessageQueue}): a
 * header, then ONE multi-producer ring of the channel format ({@link RingDescriptor}).
 *
 * <pre>
 *   offset 0    int   MAGIC         StructureKind.MESSAGE_QUEUE's magic word, written LAST (release): the ready flag
 *          8    long  MAX_MESSAGES
 *         16    long  MAX_MESSAGE_SIZE
 *         24    int   CAPACITY      ring capacity (power of two, derived from the two above)
 *         28    int   LIVENESS      how handles tell a live one: 1 pid + start time, 2 presence slots (Liveness)
 *        128    long  DEPTH         messages counted in (own cache line): the maxMessages bound and depth()
 *        256    long  RECEIVE_TURN  the handle receiving now, 0 when free: its presence slot + 1 (rule 2),
 *                                   its process's stamp (rule 1)
 *        384    long  PRESENCE      rule 2: the next presence slot a handle takes (only grows)
 *        512    ring  ({@link RingDescriptor#length(int)} bytes)
 * </pre>
 *
 * Under rule 2 each handle holds the presence slot it took from PRESENCE while it is open, so
 * a slot, and the turn word that names it, means one handle for the queue's whole life.
 *
 * The header line (0..127) is written once by the creator and only read afterwards, so every
 * handle may re-read it cheaply to notice a header overwritten after it opened.
 */
public final class QueueDescriptor {
    public static final long MAGIC_OFFSET = 0;
    public static final long MAX_MESSAGES_OFFSET = 8;
    public static final long MAX_MESSAGE_SIZE_OFFSET = 16;
    public static final long CAPACITY_OFFSET = 24;
    /** The liveness rule the creator chose. */
    public static final long LIVENESS_OFFSET = 28;
    public static final long DEPTH_OFFSET = 128;
    /** The receive turn's word. */
    public static final long RECEIVE_TURN_OFFSET = 256;
    /** The presence-slot counter (own cache line: touched only when a handle opens). */
    public static final long PRESENCE_COUNTER_OFFSET = 384;
    /** Where the ring starts. */
    public static final long RING_OFFSET = 512;

    private QueueDescriptor() {
    }

    /** Bytes of shared memory a queue with a ring of {@code capacity} needs. */
    public static long totalLength(int capacity) {
        return RING_OFFSET + RingDescriptor.length(capacity);
    }

    /**
     * The ring capacity for these sizes: maxMessages records of the largest size plus one
     * wrap-around padding always fit, {@code nextPowerOfTwo((maxMessages + 1) * align8(maxMessageSize + 8))},
     * at least {@link RingDescriptor#MIN_CAPACITY}; {@link IpcLimitException} beyond
     * {@link RingDescriptor#MAX_CAPACITY}.
     *
     * @param operation what is being done, for the message ({@code "create message queue"})
     */
    public static int capacityFor(String operation, String name, long maxMessages, long maxMessageSize) {
        long record = ((maxMessageSize + RingDescriptor.RECORD_HEADER + 7) / 8) * 8;
        long needed = Math.max(RingDescriptor.MIN_CAPACITY, 2 * record);
        if (maxMessages >= RingDescriptor.MAX_CAPACITY || record > RingDescriptor.MAX_CAPACITY
                || (maxMessages + 1) * record > RingDescriptor.MAX_CAPACITY) {
            throw new IpcLimitException(operation, name, null, maxMessages + " messages of "
                    + maxMessageSize + " bytes need more than the largest ring (" + RingDescriptor.MAX_CAPACITY + " bytes)");
        }
        needed = Math.max(needed, (maxMessages + 1) * record);
        long pow2 = Long.highestOneBit(needed);
        if (pow2 < needed) {
            pow2 <<= 1;
        }
        if (pow2 > RingDescriptor.MAX_CAPACITY) {
            throw new IpcLimitException(operation, name, null, maxMessages + " messages of "
                    + maxMessageSize + " bytes need a " + pow2 + "-byte ring; the largest is " + RingDescriptor.MAX_CAPACITY);
        }
        return (int) pow2;
    }
}
