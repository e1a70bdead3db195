package io.ffmipc.contract;

import java.lang.foreign.MemorySegment;

/**
 * {@link ChannelPeer}'s message format, for the container tests that run it in a container (same
 * package, so its helpers stay package-private).
 */
public final class ChannelMessages {
    private ChannelMessages() {
    }

    /** Writes message {@code seq}; returns its length. */
    public static int fill(MemorySegment buf, int seq, int salt) {
        return ChannelPeer.fill(buf, seq, salt);
    }

    /** Null if the message is message {@code seq}, else what is wrong. */
    public static String check(MemorySegment buf, long off, int len, int seq, int salt) {
        return ChannelPeer.check(buf, off, len, seq, salt);
    }
}
