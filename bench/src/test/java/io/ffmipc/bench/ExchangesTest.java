package io.ffmipc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The harness's checks, in one JVM over an in-memory link pair: a faithful link yields figures, a
 * link that loses, repeats or tears a message fails the run with a {@link SequenceException}.
 */
class ExchangesTest {
    private static final Plan TINY = new Plan("test", Duration.ofMillis(5), Duration.ofMillis(20), 1, false);

    /**
     * Whole messages as byte arrays. The fault predicates see the index of a message among those
     * of its length sent so far (so "the 10th 64-byte message" lands in the stream).
     */
    /** Whether to apply a fault to the {@code n}-th message of {@code length} bytes. */
    @FunctionalInterface
    private interface Fault {
        boolean test(int length, int n);
    }

    private static final class QueueLink implements Link {
        private final BlockingQueue<byte[]> out;
        private final BlockingQueue<byte[]> in;
        private final Fault drop;
        private final Fault repeat;
        private final Fault tear;
        private final java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();

        QueueLink(BlockingQueue<byte[]> out, BlockingQueue<byte[]> in, Fault drop, Fault repeat, Fault tear) {
            this.out = out;
            this.in = in;
            this.drop = drop;
            this.repeat = repeat;
            this.tear = tear;
        }

        @Override
        public void send(MemorySegment message, int length) {
            int n = counts.merge(length, 1, Integer::sum) - 1;
            byte[] b = message.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
            if (tear.test(length, n) && length >= 16) {
                b[length - 1] ^= 1;
            }
            try {
                if (!drop.test(length, n)) {
                    out.put(b);
                }
                if (repeat.test(length, n)) {
                    out.put(b);
                }
            } catch (InterruptedException e) {
                throw new BenchFailure("interrupted", e);
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            try {
                byte[] b = in.poll(2, TimeUnit.SECONDS);
                if (b == null) {
                    throw new BenchFailure("no message within 2 s");
                }
                assertEquals(length, b.length, "message length");
                MemorySegment.copy(b, 0, into, ValueLayout.JAVA_BYTE, 0, length);
            } catch (InterruptedException e) {
                throw new BenchFailure("interrupted", e);
            }
        }

        @Override
        public void close() {
        }
    }

    private static final Fault NEVER = (len, n) -> false;

    /** Runs both sides; the driver's link applies the faults to what it sends. */
    private static Figures run(Fault drop, Fault repeat, Fault tear) throws Throwable {
        BlockingQueue<byte[]> toPeer = new ArrayBlockingQueue<>(1 << 16);
        BlockingQueue<byte[]> toDriver = new ArrayBlockingQueue<>(1 << 16);
        CompletableFuture<Void> peer = CompletableFuture.runAsync(
                () -> Exchanges.answer(new QueueLink(toDriver, toPeer, NEVER, NEVER, NEVER)));
        try {
            Figures f = Exchanges.drive(new QueueLink(toPeer, toDriver, drop, repeat, tear), TINY);
            peer.get(5, TimeUnit.SECONDS);
            return f;
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (BenchFailure e) {
            // the driver may only notice the peer's failure as silence: report the peer's reason
            try {
                peer.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException pe) {
                throw pe.getCause();
            }
            throw e;
        }
    }

    @Test
    void faithfulLinkGivesFigures() throws Throwable {
        Figures f = run(NEVER, NEVER, NEVER);
        assertTrue(f.samples() > 0, "8 B round trips were measured");
        assertTrue(f.rtt8p50() > 0 && f.rtt8p50() <= f.rtt8p90() && f.rtt8p90() <= f.rtt8p99()
                && f.rtt8p99() <= f.rtt8p999(), "percentiles ordered: " + f);
        assertTrue(f.rtt1kP50() > 0, "1 KiB round trips were measured: " + f);
        assertTrue(f.throughput() > 0 && Double.isFinite(f.throughput()), "throughput measured: " + f);
    }

    @Test
    void lostPingIsSilenceThatFailsTheRun() {
        // in a ping-pong a lost message can only show as silence: both sides wait for the other
        BenchFailure e = assertThrows(BenchFailure.class, () -> run((len, n) -> len == 8 && n == 5, NEVER, NEVER));
        assertTrue(e.getMessage().contains("no message"), e.getMessage());
    }

    @Test
    void repeatedMessageFailsTheRun() {
        SequenceException e = assertThrows(SequenceException.class, () -> run(NEVER, (len, n) -> len == 8 && n == 3, NEVER));
        assertTrue(e.getMessage().contains("expected message 4, received 3"), e.getMessage());
    }

    @Test
    void tornMessageFailsTheRun() {
        SequenceException e = assertThrows(SequenceException.class, () -> run(NEVER, NEVER, (len, n) -> len == 1024));
        assertTrue(e.getMessage().contains("torn"), e.getMessage());
    }

    @Test
    void lostMessageInTheStreamFailsTheRun() {
        // only the stream sends 64-byte messages: the 11th is lost, the consumer sees the 12th instead
        SequenceException e = assertThrows(SequenceException.class, () -> run((len, n) -> len == 64 && n == 10, NEVER, NEVER));
        assertTrue(e.getMessage().contains("streamed message") && e.getMessage().contains("messages were lost"), e.getMessage());
    }
}
