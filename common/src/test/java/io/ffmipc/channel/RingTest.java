package io.ffmipc.channel;

import io.ffmipc.MessageTooLargeException;
import io.ffmipc.ChannelCorruptedException;
import io.ffmipc.ChannelMode;
import io.ffmipc.ChannelVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ring arithmetic, wrap and padding, validation and MPSC claim races, on plain memory (threads, one JVM). */
class RingTest {
    private static final int CAP = 256;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment mem = arena.allocate(RingDescriptor.length(CAP), 128);
    private final WaitPoint noWait = new WaitPoint(mem, RingDescriptor.CONSUMER_WAIT_OFFSET, null);
    private final List<Long> stalls = new ArrayList<>();

    @AfterEach
    void free() {
        arena.close();
    }

    private RingProducer producer(ChannelMode mode) {
        return new RingProducer(mem, 0, CAP, mode, noWait, "channel", "t", "ring");
    }

    private RingConsumer consumer(ChannelMode mode) {
        return new RingConsumer(mem, 0, CAP, mode, noWait, 1_000_000L, stalls::add, "channel", "t", "ring");
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    private static byte[] take(RingConsumer c) {
        int n = c.peek();
        if (n < 0) {
            return null;
        }
        byte[] out = new byte[n];
        c.copyTo(out, n);
        return out;
    }

    @Test
    void recordsAreAlignedAndPositionsAdvanceByAlignedLength() {
        RingProducer p = producer(ChannelMode.SPSC);
        RingConsumer c = consumer(ChannelMode.SPSC);
        assertTrue(p.offer(bytes(5, 1), 0, 5));
        assertEquals(13, mem.get(ValueLayout.JAVA_INT, RingDescriptor.DATA_OFFSET)); // header + payload, unpadded
        assertArrayEquals(bytes(5, 1), take(c));
        assertEquals(16, c.position());
        assertEquals(0, mem.get(ValueLayout.JAVA_LONG, RingDescriptor.DATA_OFFSET + 16L),
                "SPSC: the header after a published record is zeroed (the terminator)");
        assertEquals(16, mem.get(ValueLayout.JAVA_LONG, RingDescriptor.CONSUMER_POSITION_OFFSET));
        assertEquals(null, take(c));
    }

    /**
     * An SPSC producer stores its position after each record's release; killed between the two, it
     * leaves a position one record (and any padding before it) behind a consumer that took the
     * record. That is a dead producer's footprint, not corruption: asked whether a claim is left
     * unpublished, the consumer says no, and a consumer opening the ring accepts the pair.
     */
    @Test
    void spscProducerPositionOneRecordBehindTheConsumerIsNotCorruption() {
        RingProducer p = producer(ChannelMode.SPSC);
        RingConsumer c = consumer(ChannelMode.SPSC);
        for (int i = 0; i < 7; i++) { // up to the ring's end, so the last record comes after padding
            assertTrue(p.offer(bytes(20, i), 0, 20));
            assertArrayEquals(bytes(20, i), take(c));
        }
        long before = mem.get(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET);
        assertTrue(p.offer(bytes(100, 9), 0, 100));
        assertArrayEquals(bytes(100, 9), take(c));
        // the producer "died" after publishing that record, before storing its position
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET, before);
        assertTrue(c.position() - before > 100, "the consumer is a record and padding past the stale position");
        assertFalse(c.hasUnpublishedClaim());
        assertEquals(c.position(), consumer(ChannelMode.SPSC).position(), "a consumer opening the ring accepts it");
        RingProducer next = producer(ChannelMode.SPSC); // a new producer goes on after the taken record
        assertTrue(next.offer(bytes(3, 10), 0, 3));
        assertArrayEquals(bytes(3, 10), take(c));
    }

    /**
     * Killed between a record's release and its position store while the consumer has not taken the
     * record yet: a producer opening the ring then must go on after that record (the terminator the
     * old producer left behind it), not write over it from the stale position.
     */
    @Test
    void spscProducerOpeningAfterAnUnstoredPositionKeepsThePublishedRecord() {
        RingProducer p = producer(ChannelMode.SPSC);
        RingConsumer c = consumer(ChannelMode.SPSC);
        for (int i = 0; i < 6; i++) { // toward the ring's end, so the records below wrap with padding
            assertTrue(p.offer(bytes(20, i), 0, 20));
            assertArrayEquals(bytes(20, i), take(c));
        }
        assertTrue(p.offer(bytes(30, 7), 0, 30));
        long before = mem.get(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET);
        assertTrue(p.offer(bytes(60, 8), 0, 60)); // after padding, at the ring's start
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET, before); // its store never happened
        RingProducer next = producer(ChannelMode.SPSC);
        assertTrue(next.offer(bytes(5, 9), 0, 5));
        assertArrayEquals(bytes(30, 7), take(c));
        assertArrayEquals(bytes(60, 8), take(c));
        assertArrayEquals(bytes(5, 9), take(c));
        assertEquals(null, take(c));
    }

    @Test
    void wrapsWithPaddingAndKeepsOrderOverManyLaps() {
        RingProducer p = producer(ChannelMode.SPSC);
        RingConsumer c = consumer(ChannelMode.SPSC);
        int sent = 0;
        int received = 0;
        for (int i = 0; i < 5_000; i++) {
            int len = (i * 37) % (p.maxPayload() + 1);
            while (!p.offer(bytes(len, sent), 0, len)) {
                byte[] got = take(c);
                int expectLen = (received * 37) % (p.maxPayload() + 1);
                assertArrayEquals(bytes(expectLen, received), got, "message " + received);
                received++;
            }
            sent++;
            if (i % 7 == 0) { // caught up over and over, on every lap: only the terminator may be read there
                byte[] got;
                while ((got = take(c)) != null) {
                    assertArrayEquals(bytes((received * 37) % (p.maxPayload() + 1), received), got, "message " + received);
                    received++;
                }
                assertEquals(sent, received, "a stale length of an earlier lap was taken for a record");
            }
        }
        byte[] got;
        while ((got = take(c)) != null) {
            assertArrayEquals(bytes((received * 37) % (p.maxPayload() + 1), received), got);
            received++;
        }
        assertEquals(sent, received);
        assertTrue(c.position() > 100L * CAP, "many laps");
    }

    @Test
    void fullRingRefusesAndLargestMessageAlwaysFitsOnceDrained() {
        RingProducer p = producer(ChannelMode.SPSC);
        RingConsumer c = consumer(ChannelMode.SPSC);
        assertEquals(CAP / 2 - 8, p.maxPayload());
        assertTrue(p.offer(bytes(10, 0), 0, 10)); // shifts the index so that the big one must wrap later
        assertTrue(p.offer(bytes(p.maxPayload(), 1), 0, p.maxPayload()));
        assertFalse(p.offer(bytes(p.maxPayload(), 2), 0, p.maxPayload()), "no room");
        take(c);
        take(c);
        assertTrue(p.offer(bytes(p.maxPayload(), 3), 0, p.maxPayload()), "fits after a wrap once drained");
        assertArrayEquals(bytes(p.maxPayload(), 3), take(c));
        MessageTooLargeException e = assertThrows(MessageTooLargeException.class,
                () -> p.offer(new byte[p.maxPayload() + 1], 0, p.maxPayload() + 1));
        assertEquals(p.maxPayload(), e.maxMessageSize());
        assertTrue(e.getMessage().contains("half the ring capacity"), e.getMessage());
    }

    @Test
    void garbageLengthTypeAndPaddingAreTypedErrors() {
        RingConsumer c = consumer(ChannelMode.SPSC);
        long rec = RingDescriptor.DATA_OFFSET;
        mem.set(ValueLayout.JAVA_INT, rec, 4);
        ChannelCorruptedException e = assertThrows(ChannelCorruptedException.class, c::peek);
        assertTrue(e.getMessage().contains("record length at position 0 is 4"), e.getMessage());
        mem.set(ValueLayout.JAVA_INT, rec, CAP + 8);
        assertThrows(ChannelCorruptedException.class, c::peek);
        mem.set(ValueLayout.JAVA_INT, rec, -1);
        assertThrows(ChannelCorruptedException.class, c::peek);
        mem.set(ValueLayout.JAVA_INT, rec, 16);
        mem.set(ValueLayout.JAVA_INT, rec + 4, 77);
        e = assertThrows(ChannelCorruptedException.class, c::peek);
        assertTrue(e.getMessage().contains("record type at position 0 is 77"), e.getMessage());
        assertEquals(77, e.value());
        mem.set(ValueLayout.JAVA_INT, rec, CAP);
        mem.set(ValueLayout.JAVA_INT, rec + 4, RingDescriptor.TYPE_PADDING);
        e = assertThrows(ChannelCorruptedException.class, c::peek);
        assertTrue(e.getMessage().contains("never starts at index 0"), e.getMessage());
        mem.set(ValueLayout.JAVA_INT, rec, CAP / 2 + 64);
        mem.set(ValueLayout.JAVA_INT, rec + 4, RingDescriptor.TYPE_MESSAGE);
        e = assertThrows(ChannelCorruptedException.class, c::peek);
        assertTrue(e.getMessage().contains("at most " + CAP / 2), e.getMessage());
    }

    @Test
    void spscPublishedRecordWhoseLengthWasZeroedIsCorruptionNotAnEmptyRing() {
        RingProducer p = producer(ChannelMode.SPSC);
        RingConsumer c = consumer(ChannelMode.SPSC);
        for (int i = 0; i < 3; i++) {
            assertTrue(p.offer(bytes(20, i), 0, 20));
        }
        assertArrayEquals(bytes(20, 0), take(c));
        for (int i = 0; i < 3 * RingConsumer.EMPTY_LOOKS_PER_CHECK; i++) {
            assertEquals(20, c.peek(), "published records are found, however often we look");
        }
        // A hostile peer zeroes the length of the next published record: the ring now looks empty
        // at our position while the producer's position says two records wait.
        mem.set(ValueLayout.JAVA_INT, RingDescriptor.DATA_OFFSET + c.position(), 0);
        ChannelCorruptedException e = assertThrows(ChannelCorruptedException.class, () -> {
            for (int i = 0; i <= RingConsumer.EMPTY_LOOKS_PER_CHECK; i++) {
                assertEquals(-1, c.peek());
            }
        }, "a consumer must not sit on published messages");
        assertTrue(e.getMessage().contains("record length at position 32 is 0")
                && e.getMessage().contains("published up to position 96"), e.getMessage());
        assertThrows(ChannelCorruptedException.class, c::checkPublished, "the check before a park says the same");
    }

    @Test
    void spscEmptyRingAndAProducerMirrorThatLagsAreNotCorruption() {
        RingProducer p = producer(ChannelMode.SPSC);
        RingConsumer c = consumer(ChannelMode.SPSC);
        for (int lap = 0; lap < 20; lap++) { // caught up on every lap, index 0 included
            assertTrue(p.offer(bytes(100, lap), 0, 100));
            assertArrayEquals(bytes(100, lap), take(c));
            for (int i = 0; i < 2 * RingConsumer.EMPTY_LOOKS_PER_CHECK; i++) {
                assertEquals(-1, c.peek());
            }
            c.checkPublished();
        }
        // A producer between a record's release and the store of its position: the mirror lags.
        long mirror = mem.get(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET);
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET, mirror - 112);
        c.checkPublished();
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET, mirror + CAP + 8);
        ChannelCorruptedException e = assertThrows(ChannelCorruptedException.class, c::checkPublished);
        assertTrue(e.getMessage().contains("producer position is " + (mirror + CAP + 8)), e.getMessage());
    }

    @Test
    void garbagePositionsAreTypedErrorsForTheProducer() {
        RingProducer p = producer(ChannelMode.SPSC);
        for (int i = 0; i < 3; i++) {
            assertTrue(p.offer(bytes(100, i), 0, 100) || i > 0);
        }
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.CONSUMER_POSITION_OFFSET, 1L << 40);
        ChannelCorruptedException e = assertThrows(ChannelCorruptedException.class, () -> {
            while (true) {
                p.offer(bytes(100, 9), 0, 100);
            }
        });
        assertTrue(e.getMessage().contains("producer position"), e.getMessage());
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.CONSUMER_POSITION_OFFSET, 3L);
        assertThrows(ChannelCorruptedException.class, () -> p.offer(bytes(100, 9), 0, 100));
        ChannelCorruptedException atOpen = assertThrows(ChannelCorruptedException.class, () -> producer(ChannelMode.MPSC));
        assertEquals(3, atOpen.value(), "positions are checked when a ring is opened, too");
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.CONSUMER_POSITION_OFFSET, 0L);
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET, 0L);
        RingProducer mp = producer(ChannelMode.MPSC);
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET, CAP - 4L); // unaligned, nearly full
        assertThrows(ChannelCorruptedException.class, () -> mp.offer(bytes(100, 1), 0, 100));
    }

    @Test
    void mpscClaimedButUnpublishedRecordIsReportedAsAStall() throws Exception {
        RingConsumer c = new RingConsumer(mem, 0, CAP, ChannelMode.MPSC, noWait, 1_000_000L, stalls::add, "channel", "t", "ring");
        mem.set(ValueLayout.JAVA_LONG, RingDescriptor.PRODUCER_POSITION_OFFSET, 16L); // claimed, never published
        long end = System.nanoTime() + 1_000_000_000L;
        while (stalls.isEmpty() && System.nanoTime() < end) {
            assertEquals(-1, c.peek());
            Thread.sleep(1);
        }
        assertEquals(List.of(0L), stalls.subList(0, 1));
    }

    @Test
    void mpscProducersRacingLoseDuplicateAndReorderNothing() throws Exception {
        int producers = 3;
        int perProducer = 10_000;
        RingProducer p = producer(ChannelMode.MPSC);
        RingConsumer c = consumer(ChannelMode.MPSC);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < producers; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    MemorySegment msg = Arena.ofAuto().allocate(64);
                    for (int seq = 0; seq < perProducer; seq++) {
                        msg.set(ValueLayout.JAVA_INT, 0, id);
                        msg.set(ValueLayout.JAVA_INT, 4, seq);
                        int len = 8 + (seq % 7) * 8;
                        while (!p.offer(msg, 0, len)) {
                            Thread.yield(); // 2 cores: let the consumer run
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        start.countDown();
        int[] next = new int[producers];
        int total = 0;
        long end = System.nanoTime() + 30_000_000_000L;
        MemorySegment buf = Arena.ofAuto().allocate(128);
        while (total < producers * perProducer && System.nanoTime() < end && errors.isEmpty()) {
            int n = c.peek();
            if (n < 0) {
                Thread.onSpinWait();
                continue;
            }
            c.copyTo(buf, n);
            int id = buf.get(ValueLayout.JAVA_INT, 0);
            int seq = buf.get(ValueLayout.JAVA_INT, 4);
            assertEquals(next[id], seq, "producer " + id + " in order, nothing lost or duplicated");
            assertEquals(8 + (seq % 7) * 8, n);
            next[id]++;
            total++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(producers * perProducer, total);
    }

    @Test
    void descriptorChecks() {
        assertThrows(IllegalArgumentException.class, () -> RingDescriptor.checkCapacity(1000));
        assertThrows(IllegalArgumentException.class, () -> RingDescriptor.checkCapacity(128));
        assertThrows(IllegalArgumentException.class, () -> RingDescriptor.checkPlacement(64, 256, 10_000));
        assertThrows(IllegalArgumentException.class, () -> RingDescriptor.checkPlacement(0, 256, 700));
        assertEquals(128 + 2 * (512 + 4096), ChannelHeaderDescriptor.totalLength(4096));
        assertEquals(0, ChannelHeaderDescriptor.ringOffset(1, 4096) % 128);
    }
}
