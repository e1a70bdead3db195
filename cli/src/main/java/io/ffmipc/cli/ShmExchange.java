package io.ffmipc.cli;

import io.ffmipc.spi.Durations;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The tour's conversation over any shared memory (POSIX, System V, mapped file): the tour writes a
 * greeting, the peer reads it and writes an answer, then both ping-pong on two {@link SpinFlag}s.
 *
 * <pre>
 *    0  long  tour → peer flag
 *   64  long  peer → tour flag      (own cache line, so the two writers do not share one)
 *  128  int   greeting length, then its UTF-8 bytes (at most 880)
 * 1024  int   answer length, then its UTF-8 bytes (at most 1020)
 * </pre>
 */
final class ShmExchange {
    /** The smallest region the exchange fits in. */
    static final long MIN_SIZE = 2048;
    private static final long TO_PEER = 0;
    private static final long TO_PARENT = 64;
    private static final long GREETING = 128;
    private static final long ANSWER = 1024;
    private static final int MAX_TEXT = 880;

    private ShmExchange() {
    }

    /** The tour's side; returns what happened, in words. */
    static String parent(MemorySegment memory, TourSettings s) {
        requireSize(memory);
        Signal toPeer = new SpinFlag(memory, TO_PEER);
        Signal fromPeer = new SpinFlag(memory, TO_PARENT);
        String greeting = "hello from pid " + ProcessHandle.current().pid();
        writeText(memory, GREETING, greeting);
        toPeer.signal();
        if (!fromPeer.await(s.timeout())) {
            throw new TourTimeoutException("the peer did not answer the greeting within " + Durations.format(s.timeout()));
        }
        String answer = readText(memory, ANSWER);
        RoundTrips.Stats stats = RoundTrips.parent(s, toPeer, fromPeer);
        return "peer read \"" + greeting + "\", answered \"" + answer + "\"; spinning on flags, " + stats;
    }

    /** The peer's side. */
    static void peer(MemorySegment memory, TourSettings s) {
        requireSize(memory);
        Signal fromParent = new SpinFlag(memory, TO_PEER);
        Signal toParent = new SpinFlag(memory, TO_PARENT);
        if (!fromParent.await(s.timeout())) {
            throw new TourTimeoutException("no greeting from the tour within " + Durations.format(s.timeout()));
        }
        String greeting = readText(memory, GREETING);
        writeText(memory, ANSWER, "pid " + ProcessHandle.current().pid() + " read: " + greeting);
        toParent.signal();
        RoundTrips.peer(s, fromParent, toParent);
    }

    private static void requireSize(MemorySegment memory) {
        if (memory.byteSize() < MIN_SIZE) {
            throw new IllegalArgumentException("the tour needs " + MIN_SIZE + " bytes of shared memory, got " + memory.byteSize());
        }
    }

    private static void writeText(MemorySegment memory, long offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, MAX_TEXT);
        MemorySegment.copy(b, 0, memory, ValueLayout.JAVA_BYTE, offset + Integer.BYTES, n);
        memory.set(ValueLayout.JAVA_INT, offset, n);
    }

    private static String readText(MemorySegment memory, long offset) {
        int n = memory.get(ValueLayout.JAVA_INT, offset);
        if (n < 0 || n > MAX_TEXT) {
            throw new IllegalStateException("the other side wrote a text length of " + n + " at offset " + offset);
        }
        byte[] b = new byte[n];
        MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, offset + Integer.BYTES, b, 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }
}
