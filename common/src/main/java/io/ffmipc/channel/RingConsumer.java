package io.ffmipc.channel;

import io.ffmipc.ChannelCorruptedException;
import io.ffmipc.ChannelMode;
import io.ffmipc.MessageHandler;

import java.lang.foreign.MemorySegment;

import static io.ffmipc.channel.RingDescriptor.LENGTH_OFFSET;
import static io.ffmipc.channel.RingDescriptor.RECORD_HEADER;
import static io.ffmipc.channel.RingDescriptor.TYPE_MESSAGE;
import static io.ffmipc.channel.RingDescriptor.TYPE_OFFSET;
import static io.ffmipc.channel.RingDescriptor.TYPE_PADDING;
import static io.ffmipc.channel.Shared.INT;
import static io.ffmipc.channel.Shared.LONG;

/**
 * The reading end of a ring (one thread). Every LENGTH and TYPE it reads is validated before it
 * is used as an offset; the consumer position it trusts is its own field, never re-read from the
 * shared memory a peer could scribble on.
 */
final class RingConsumer extends RingView {
    private static final String OP = "receive on channel";
    /**
     * SPSC: empty looks in a row after which the consumer compares the producer's published
     * position with its own (see {@link #checkPublished()}). High enough that a consumer keeping
     * up with a live producer never reads the producer's line (a ping-pong waits a few looks).
     */
    static final int EMPTY_LOOKS_PER_CHECK = 256;

    /** Told when a record has been claimed but not published for a while (MPSC). */
    interface StallListener {
        /** Called every {@code stallNanos} while the record at {@code position} stays unpublished. */
        void stalled(long position);
    }

    /** Attempts at a consistent position pair when opening (see the constructor). */
    private static final int MAX_OPEN_READS = 1_000;

    private final boolean multi;
    private final WaitPoint producerWait;
    private final MemorySegment view;
    private final long stallNanos;
    private final StallListener stallListener;
    private long head;
    /** The record {@link #peek()} found: absolute offset and aligned length. */
    private long current = -1;
    private int currentAligned;
    private long stallPosition = -1;
    private long stallSince;
    private int emptyLooks;

    RingConsumer(MemorySegment segment, long base, int capacity, ChannelMode mode, WaitPoint producerWait,
                 long stallNanos, StallListener stallListener, String what, String channelName, String ringLabel) {
        super(segment, base, capacity, what, channelName, ringLabel);
        this.multi = mode == ChannelMode.MPSC;
        this.producerWait = producerWait;
        this.view = segment.asSlice(data, capacity).asReadOnly();
        this.stallNanos = stallNanos;
        this.stallListener = stallListener;
        // Other consumers (a queue shares its ring) and producers may move while this one opens:
        // a consumer position read before a producer position is only a consistent pair if the
        // consumer position is still the same afterwards. A ring that never holds still long
        // enough is in use, not corrupted, so the check is then left to the first peek.
        long h = (long) LONG.getAcquire(segment, consumerPosition);
        for (int tries = 0; tries < MAX_OPEN_READS; tries++) {
            long t = (long) LONG.getAcquire(segment, producerPosition);
            long again = (long) LONG.getAcquire(segment, consumerPosition);
            if (again == h) {
                if (multi) {
                    checkPositions("open " + what, h, t);
                } else {
                    checkTrailingPositions("open " + what, h, t);
                }
                break;
            }
            h = again;
        }
        this.head = h;
    }

    /**
     * Finds the next message (releasing any padding before it); returns its payload length, or -1
     * if none is published yet.
     */
    int peek() {
        // At most one padding precedes a message: padding always runs to the end of the ring and
        // never starts at index 0, so two rounds always suffice (no endless loop on garbage).
        // Every failure is built in a method of its own: the checks stay here, the message text
        // does not, so this method stays small enough for the JIT to inline into the caller's loop.
        for (int round = 0; round < 2; round++) {
            int index = (int) (head & mask);
            long rec = data + index;
            // Acquire: pairs with the producer's release of LENGTH; type and payload are visible.
            int length = (int) INT.getAcquire(segment, rec + LENGTH_OFFSET);
            if (length == 0) {
                lookedEmpty();
                return -1;
            }
            int toEnd = capacity - index;
            if (length < RECORD_HEADER || length > toEnd) {
                throw badLength(length, toEnd);
            }
            int type = (int) INT.get(segment, rec + TYPE_OFFSET);
            if (type == TYPE_PADDING) {
                if (length != toEnd || index == 0) {
                    throw badPadding(length, toEnd);
                }
                release(rec, length);
                continue;
            }
            if (type != TYPE_MESSAGE) {
                throw badType(type);
            }
            int aligned = RingDescriptor.aligned(length);
            if (aligned > maxRecord) {
                throw tooLong(length);
            }
            current = rec;
            currentAligned = aligned;
            stallPosition = -1;
            emptyLooks = 0;
            return length - RECORD_HEADER;
        }
        throw corrupted(OP, "record type at position " + head, TYPE_PADDING, "padding cannot follow padding");
    }

    private void lookedEmpty() {
        if (multi) {
            checkClaimed();
        } else if (++emptyLooks >= EMPTY_LOOKS_PER_CHECK) {
            checkPublished();
        }
    }

    private ChannelCorruptedException badLength(int length, int toEnd) {
        return corrupted(OP, "record length at position " + head, length, "it must be between "
                + RECORD_HEADER + " (the record header) and " + toEnd + " (the bytes left before the ring's end)");
    }

    private ChannelCorruptedException badPadding(int length, int toEnd) {
        return corrupted(OP, "padding length at position " + head, length,
                "padding fills the ring exactly to its end and never starts at index 0 (expected " + toEnd + ")");
    }

    private ChannelCorruptedException badType(int type) {
        return corrupted(OP, "record type at position " + head, type,
                "it must be " + TYPE_MESSAGE + " (message) or " + TYPE_PADDING + " (padding)");
    }

    private ChannelCorruptedException tooLong(int length) {
        return corrupted(OP, "record length at position " + head, length,
                "a record is at most " + maxRecord + " bytes (half the ring)");
    }

    /** Whether a record (message or padding) is published at the consumer position: the park re-check. */
    boolean hasRecord() {
        return (int) INT.getAcquire(segment, data + (head & mask) + LENGTH_OFFSET) != 0;
    }

    /**
     * Whether a record is published at the SHARED consumer position: the park re-check of consumers
     * that take turns (the message queue), which may not touch this consumer's state without the turn.
     * Any position is masked into the ring, so a scribbled one cannot make this read out of bounds.
     */
    boolean hasRecordAtSharedPosition() {
        long h = (long) LONG.getAcquire(segment, consumerPosition);
        return (int) INT.getAcquire(segment, data + (h & mask) + LENGTH_OFFSET) != 0;
    }

    /** Hands the message found by {@link #peek()} to {@code handler} in place, then releases it. */
    void deliver(MessageHandler handler, int length) {
        long rec = current;
        try {
            handler.onMessage(view, rec - data + RECORD_HEADER, length);
        } finally {
            release(rec, currentAligned);
        }
    }

    /**
     * {@link #deliver} within a batch: moves past the message but leaves publishing the consumer
     * position (and waking a producer waiting for room) to {@link #publishPosition()}, once per batch.
     */
    void deliverInBatch(MessageHandler handler, int length) {
        long rec = current;
        try {
            handler.onMessage(view, rec - data + RECORD_HEADER, length);
        } finally {
            advance(rec, currentAligned);
        }
    }

    /** Copies the message found by {@link #peek()} out, then releases it. */
    void copyTo(MemorySegment dst, int length) {
        MemorySegment.copy(segment, current + RECORD_HEADER, dst, 0, length);
        release(current, currentAligned);
    }

    /** Copies the message found by {@link #peek()} into a byte array, then releases it. */
    void copyTo(byte[] dst, int length) {
        MemorySegment.copy(segment, java.lang.foreign.ValueLayout.JAVA_BYTE, current + RECORD_HEADER, dst, 0, length);
        release(current, currentAligned);
    }

    private void release(long rec, int aligned) {
        advance(rec, aligned);
        publishPosition();
    }

    private void advance(long rec, int aligned) {
        if (multi) {
            // The next lap must find LENGTH 0 wherever a record may start: clear the whole record.
            // (SPSC needs no clearing: its producer zeroes the header after each record it publishes.)
            Shared.zero(segment, rec, aligned);
        }
        head += aligned;
        current = -1;
    }

    /** Gives the space up to our position back to the producers, and wakes one waiting for room. */
    void publishPosition() {
        // Release: the records were read (and, MPSC, zeroed) before producers see the space as free.
        LONG.setRelease(segment, consumerPosition, head);
        producerWait.wakeIfParked();
    }

    /**
     * SPSC, when the ring has looked empty for a while or before a park: LENGTH 0 at our position
     * must mean the producer has published nothing past it. Its mirrored position is stored after
     * each publish (release), so if it is past ours, the record here was published and LENGTH 0
     * was written by someone else, or we lost the producer's record boundaries (a peer scribbled
     * on a length or on the consumer position the producer trusts). Without this check such a ring
     * looks empty forever while the producer's messages sit unreceived. The mirror may lag behind
     * us (a producer between a publish and the store of its position), so only a mirror AHEAD of us
     * is conclusive.
     */
    void checkPublished() {
        if (multi) {
            return; // MPSC: claimed-but-unpublished records are legal; checkClaimed reports them
        }
        emptyLooks = 0;
        long tail = (long) LONG.getAcquire(segment, producerPosition);
        if ((tail & 7) != 0 || tail < 0 || tail - head > capacity) {
            throw corrupted(OP, "producer position", tail, "it must be a non-negative multiple of 8 at most "
                    + capacity + " (the capacity) ahead of the consumer position " + head);
        }
        // Re-read after the acquire: a record published since our last look is seen here.
        if (tail - head > 0 && (int) INT.getAcquire(segment, data + (head & mask) + LENGTH_OFFSET) == 0) {
            throw corrupted(OP, "record length at position " + head, 0, "the producer has published up to position "
                    + tail + ", so a record starts here; its length was overwritten, or the records' boundaries"
                    + " were lost to a corrupted position");
        }
    }

    /** MPSC: a claimed, unpublished record at the head; tell the listener if it stays that way. */
    private void checkClaimed() {
        long tail = (long) LONG.getAcquire(segment, producerPosition);
        checkPositions(OP, head, tail);
        if (tail == head) {
            stallPosition = -1;
            return;
        }
        long now = System.nanoTime();
        if (stallPosition != head) {
            stallPosition = head;
            stallSince = now;
        } else if (now - stallSince >= stallNanos) {
            stallSince = now;
            stallListener.stalled(head);
        }
    }

    /**
     * Whether producers have claimed space past the consumer position that holds no published
     * record (what a producer killed mid-record leaves). Only meaningful when {@link #peek()} found
     * nothing. Never for SPSC: its producer's position covers published records only, and may trail
     * ours by the last one (see {@link #checkTrailingPositions}).
     */
    boolean hasUnpublishedClaim() {
        long tail = (long) LONG.getAcquire(segment, producerPosition);
        if (!multi) {
            checkTrailingPositions(OP, head, tail);
            return false;
        }
        checkPositions(OP, head, tail);
        return tail != head;
    }

    /**
     * Takes the consumer position from the shared memory again: for rings whose consumers take
     * turns under a lock of their own (the message queue), each turn starts where the last one ended.
     */
    void resync() {
        long h = (long) LONG.getAcquire(segment, consumerPosition);
        checkPositions(OP, h, (long) LONG.getAcquire(segment, producerPosition));
        head = h;
        current = -1;
        // stallPosition is kept: a turn that finds the same unpublished claim as the last one must
        // keep its stall clock running, or a queue polled turn by turn would never report it.
    }

    long position() {
        return head;
    }
}
