package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The message format of every mechanism: the sequence number in the first 8 bytes and, in
 * messages of 16 bytes or more, its complement in the last 8 so a torn copy is caught too. The
 * {@link #LAST} bit marks the final message of a phase; the receiver checks every message.
 */
final class Messages {
    /** Set on the last message of a phase. */
    static final long LAST = 1L << 62;
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 1024;

    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;

    private Messages() {
    }

    /** Writes sequence {@code seq} (with {@link #LAST} if {@code last}) into a message of {@code length} bytes. */
    static void stamp(MemorySegment message, int length, long seq, boolean last) {
        long v = last ? seq | LAST : seq;
        message.set(WORD, 0, v);
        if (length >= 16) {
            message.set(WORD, length - 8, ~v);
        }
    }

    /** Checks that the message carries {@code expected}; returns whether it is the phase's last. */
    static boolean check(MemorySegment message, int length, long expected, String where) {
        return check(message, 0, length, expected, where);
    }

    /** {@link #check(MemorySegment, int, long, String)} of a message at {@code offset} (read in place). */
    static boolean check(MemorySegment memory, long offset, int length, long expected, String where) {
        long v = memory.get(WORD, offset);
        long seq = v & ~LAST;
        if (seq != expected) {
            throw new SequenceException(where + ": expected message " + expected + ", received " + seq
                    + (seq < expected ? " (a repeat or an old message)" : " (messages were lost)"));
        }
        if (length >= 16 && memory.get(WORD, offset + length - 8) != ~v) {
            throw new SequenceException(where + ": message " + expected + " of " + length + " bytes arrived torn (its tail does not match)");
        }
        return (v & LAST) != 0;
    }
}
