package io.ffmipc.channel;

import io.ffmipc.Channel;
import io.ffmipc.ChannelMode;
import io.ffmipc.ChannelVersionException;

/**
 * The layout of a channel's shared memory: a 128-byte header followed by two rings (see
 * {@link RingDescriptor}), each aligned to 128 bytes.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  READY: magic (16 bits) | layout version (16 bits)   — written last
 *  |  (StructureKind.CHANNEL's magic word)
 *  +---------------------------------------------------------------+  4
 *  |  MODE: 1 = SPSC, 2 = MPSC                                      |
 *  +---------------------------------------------------------------+  8
 *  |  RING_CAPACITY: bytes of each ring's data area (power of two) |
 *  +---------------------------------------------------------------+ 12
 *  |  OPENER_SLOTS: number of opener pid slots (8)                  |
 *  +---------------------------------------------------------------+ 16
 *  |  CREATOR_PID (64 bits): ProcessStamp while open, -stamp closed |
 *  +---------------------------------------------------------------+ 24
 *  |  LIVENESS: 1 = pid + start time, 2 = presence slots (Liveness) |
 *  +---------------------------------------------------------------+ 28
 *  |  reserved (32 bits)                                           |
 *  +---------------------------------------------------------------+ 32
 *  |  OPENER_PID[0..7] (64 bits each): 0 free, stamp open, -stamp  |
 *  +---------------------------------------------------------------+ 96
 *  |  reserved up to 128                                           |
 *  +---------------------------------------------------------------+ 128
 *  |  ring 0: creator → opener   (RingDescriptor.length(capacity))  |
 *  +---------------------------------------------------------------+
 *  |  ring 1: opener → creator                                     |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Under the presence rule the creator's handle holds presence slot 0 of the object and opener
 * slot {@code i}'s handle holds slot {@code 1 + i} (on Linux advisory locks on those bytes of the
 * object, which change nothing stored there); the pid words then serve messages and the closed sign.
 *
 * <p>The creator fills every field, then stores READY with release semantics; an opener loads READY
 * with acquire semantics and reads nothing else before it sees the value it expects, so a
 * half-initialised header is never read, and a channel of another layout version is refused
 * ({@link io.ffmipc.core.SharedStructures}, the lifecycle every shared-memory structure shares;
 * the layout version is {@link io.ffmipc.core.StructureKind#CHANNEL}'s).
 */
public final class ChannelHeaderDescriptor {
    public static final int READY_OFFSET = 0;
    public static final int MODE_OFFSET = 4;
    public static final int RING_CAPACITY_OFFSET = 8;
    public static final int OPENER_SLOTS_OFFSET = 12;
    public static final int CREATOR_PID_OFFSET = 16;
    /** The liveness rule the creator chose ({@code Liveness.STAMPS} or {@code Liveness.PRESENCE}). */
    public static final int LIVENESS_OFFSET = 24;
    public static final int OPENER_PID_OFFSET = 32;
    public static final int OPENER_SLOTS = Channel.MAX_OPENERS;
    public static final int HEADER_LENGTH = 128;

    public static final int MODE_SPSC = 1;
    public static final int MODE_MPSC = 2;

    /** Ring 0 carries what the creator sends. */
    public static final int CREATOR_TO_OPENER = 0;
    /** Ring 1 carries what openers send. */
    public static final int OPENER_TO_CREATOR = 1;

    static {
        if (OPENER_PID_OFFSET + OPENER_SLOTS * 8 > HEADER_LENGTH) {
            throw new AssertionError("opener slots overflow the header");
        }
    }

    private ChannelHeaderDescriptor() {
    }

    /** Offset of opener slot {@code i}'s pid. */
    public static long openerPidOffset(int slot) {
        return OPENER_PID_OFFSET + 8L * slot;
    }

    /** Offset of ring {@code ring} (0 or 1) for a ring data capacity of {@code capacity}. */
    public static long ringOffset(int ring, int capacity) {
        return HEADER_LENGTH + (long) ring * RingDescriptor.length(capacity);
    }

    /** Bytes of shared memory a channel with rings of {@code capacity} needs. */
    public static long totalLength(int capacity) {
        RingDescriptor.checkCapacity(capacity);
        return HEADER_LENGTH + 2L * RingDescriptor.length(capacity);
    }

    public static int modeCode(ChannelMode mode) {
        return mode == ChannelMode.SPSC ? MODE_SPSC : MODE_MPSC;
    }
}
