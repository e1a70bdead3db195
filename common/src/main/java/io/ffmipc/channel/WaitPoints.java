package io.ffmipc.channel;

import io.ffmipc.SharedMemory;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.spi.WaitSeam;

import java.util.ArrayList;
import java.util.List;

/**
 * The wait points one handle uses in a shared-memory structure, with the seam words behind them:
 * made together and, on close, woken, drained and released together. A handle's <em>own</em>
 * points are where its threads park; the <em>peers'</em> points are where other handles park and
 * this one only wakes them.
 */
final class WaitPoints {
    private final SharedMemory memory;
    private final WaitSeam seam;
    private final List<WaitPoint> own = new ArrayList<>(2);
    private final List<SharedWord> words = new ArrayList<>(4);

    /** {@code seam} null: the platform has none; the points then have no word and nobody parks. */
    WaitPoints(SharedMemory memory, WaitSeam seam) {
        this.memory = memory;
        this.seam = seam;
    }

    /** A point this handle's threads park on (at {@code base}, laid out as {@link RingDescriptor} says). */
    WaitPoint own(long base) {
        WaitPoint p = make(base);
        own.add(p);
        return p;
    }

    /** A point only other handles park on: this handle wakes it. */
    WaitPoint peers(long base) {
        return make(base);
    }

    private WaitPoint make(long base) {
        SharedWord word = null;
        if (seam != null) {
            word = seam.word(memory, base + RingDescriptor.WAKE_SEQ);
            words.add(word);
        }
        return new WaitPoint(memory.segment(), base, word);
    }

    /**
     * On close, before the memory is unmapped: wakes this handle's parked threads (they see the
     * handle closed and leave with IllegalStateException), waits for them to give their shared
     * waiter counts back ({@link WaitPoint#awaitOwnRetracted}), then releases the words.
     */
    void close() {
        for (WaitPoint p : own) {
            p.wakeOwn();
        }
        for (WaitPoint p : own) {
            p.awaitOwnRetracted(WaitPoint.CLOSE_DRAIN_NANOS);
        }
        for (SharedWord w : words) {
            w.close();
        }
    }
}
