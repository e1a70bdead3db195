package io.ffmipc.channel;

import io.ffmipc.ChannelCorruptedException;

import java.lang.foreign.MemorySegment;

/** Where one ring lives in the mapping, and the checks both its ends share. */
class RingView {
    final MemorySegment segment;
    /** What the ring belongs to, for messages: {@code "channel"}, {@code "message queue"}. */
    final String what;
    final String channelName;
    final String ringLabel;
    final int capacity;
    final long mask;
    final long producerPosition;
    final long consumerPosition;
    final long data;
    final int maxRecord;

    RingView(MemorySegment segment, long base, int capacity, String what, String channelName, String ringLabel) {
        RingDescriptor.checkCapacity(capacity);
        RingDescriptor.checkPlacement(base, capacity, segment.byteSize());
        if (segment.address() % RingDescriptor.CACHE_LINE_PAIR != 0 && segment.address() % 8 != 0) {
            throw new IllegalArgumentException("the ring memory must be 8-byte aligned");
        }
        this.segment = segment;
        this.capacity = capacity;
        this.mask = capacity - 1L;
        this.producerPosition = base + RingDescriptor.PRODUCER_POSITION_OFFSET;
        this.consumerPosition = base + RingDescriptor.CONSUMER_POSITION_OFFSET;
        this.data = base + RingDescriptor.DATA_OFFSET;
        this.maxRecord = RingDescriptor.maxRecord(capacity);
        this.what = what;
        this.channelName = channelName;
        this.ringLabel = ringLabel;
    }

    final ChannelCorruptedException corrupted(String operation, String field, long value, String rule) {
        return new ChannelCorruptedException(operation, what, channelName, ringLabel + " " + field, value, rule);
    }

    /**
     * The rule for an SPSC ring's pair: its producer stores its position after each record's
     * release, so the position read may trail the consumer's by the last record and the padding
     * before it (a producer between the two stores, or killed there), which is less than a capacity.
     */
    final void checkTrailingPositions(String operation, long head, long tail) {
        boolean trailing = tail >= 0 && (tail & 7) == 0 && tail - head < 0 && head - tail < capacity;
        checkPositions(operation, head, trailing ? head : tail); // trailing: only the consumer's is left to check
    }

    /** The rule every (consumer, producer) position pair obeys, whoever read them. */
    final void checkPositions(String operation, long head, long tail) {
        if ((head & 7) != 0 || head < 0) {
            throw corrupted(operation, "consumer position", head, "positions are non-negative multiples of 8");
        }
        if ((tail & 7) != 0 || tail < 0) {
            throw corrupted(operation, "producer position", tail, "positions are non-negative multiples of 8");
        }
        if (tail - head < 0 || tail - head > capacity) {
            throw corrupted(operation, "producer position", tail, "it must be at least the consumer position "
                    + head + " and at most " + capacity + " (the capacity) ahead of it");
        }
    }
}
