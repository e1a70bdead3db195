package io.ffmipc.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The phases both processes run over a {@link Link}, the same for every mechanism: a ping-pong of
 * 8-byte messages, one of 1 KiB messages, then a one-way stream of 64-byte messages — each first as
 * a warm-up, then measured. Both sides number every message from one counter and check each one.
 * A phase ends with a message flagged {@link Messages#LAST}, so only the driver needs the plan;
 * a stream's last message is acknowledged, so the driver's clock stops when everything arrived.
 */
final class Exchanges {
    static final int SMALL = 8;
    static final int LARGE = 1024;
    static final int STREAM = 64;

    private final Link link;
    private final MemorySegment out;
    private final MemorySegment in;
    private final String side;
    private long sent;
    private long received;
    /** Checks each streamed message in place (made once: the stream allocates nothing per message). */
    private final Link.StreamSink streamed = this::onStreamed;

    private Exchanges(Link link, Arena arena, String side) {
        this.link = link;
        this.out = arena.allocate(Messages.MAX_LENGTH, 64);
        this.in = arena.allocate(Messages.MAX_LENGTH, 64);
        this.side = side;
    }

    /** The driver's side of all phases; returns what it measured. */
    static Figures drive(Link link, Plan plan) {
        try (Arena arena = Arena.ofConfined()) {
            Exchanges x = new Exchanges(link, arena, "driver");
            x.pingPong(SMALL, plan.warmupNanos(), null);
            Histogram small = newHistogram();
            x.pingPong(SMALL, plan.measureNanos(), small);
            x.pingPong(LARGE, plan.warmupNanos(), null);
            Histogram large = newHistogram();
            x.pingPong(LARGE, plan.measureNanos(), large);
            x.stream(plan.warmupNanos());
            double rate = x.stream(plan.measureNanos());
            return Figures.of(small, large, rate);
        }
    }

    /** The peer's side of all phases: answer every ping, consume every streamed message. */
    static void answer(Link link) {
        try (Arena arena = Arena.ofConfined()) {
            Exchanges x = new Exchanges(link, arena, "peer");
            for (int size : new int[] {SMALL, SMALL, LARGE, LARGE}) {
                x.pong(size);
            }
            x.consume();
            x.consume();
        }
    }

    static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    private void pingPong(int size, long nanos, Histogram histogram) {
        long end = System.nanoTime() + nanos;
        while (true) {
            long seq = sent++;
            long t0 = System.nanoTime();
            boolean last = t0 - end >= 0;
            Messages.stamp(out, size, seq, last);
            link.send(out, size);
            link.receive(in, size);
            long t1 = System.nanoTime();
            received++;
            if (Messages.check(in, size, seq, side + " (echo of a " + size + " B ping)") != last) {
                throw new SequenceException(side + ": the echo of message " + seq + " has the wrong end-of-phase flag");
            }
            if (histogram != null) {
                histogram.recordValue(t1 - t0);
            }
            if (last) {
                return;
            }
        }
    }

    /** Streams 64-byte messages for {@code nanos}; returns messages per second up to the acknowledgement. */
    private double stream(long nanos) {
        long t0 = System.nanoTime();
        long end = t0 + nanos;
        long count = 0;
        long seq;
        while (true) {
            seq = sent++;
            count++;
            // the clock is read every 256 messages so it does not dominate the fast mechanisms
            boolean last = (count & 0xff) == 0 && System.nanoTime() - end >= 0;
            Messages.stamp(out, STREAM, seq, last);
            link.send(out, STREAM);
            if (last) {
                break;
            }
        }
        link.receive(in, SMALL);
        long t1 = System.nanoTime();
        Messages.check(in, SMALL, seq, side + " (acknowledgement of the stream)");
        return count * 1e9 / (t1 - t0);
    }

    private void pong(int size) {
        while (true) {
            link.receive(in, size);
            boolean last = Messages.check(in, size, received++, side + " (" + size + " B ping)");
            link.send(in, size);
            if (last) {
                return;
            }
        }
    }

    private void consume() {
        while (!link.receiveBatch(in, STREAM, streamed)) {
            // the sink checked every message of the batch
        }
        Messages.stamp(out, SMALL, received - 1, true);
        link.send(out, SMALL);
    }

    private boolean onStreamed(MemorySegment memory, long offset, int length) {
        if (length != STREAM) {
            throw new SequenceException(side + ": a streamed message of " + length + " bytes arrived, expected " + STREAM);
        }
        return Messages.check(memory, offset, STREAM, received++, side + " (streamed message)");
    }
}
