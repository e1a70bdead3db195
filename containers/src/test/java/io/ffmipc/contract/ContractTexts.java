package io.ffmipc.contract;

import java.lang.foreign.MemorySegment;

/**
 * The contract peers' data formats ({@link SharedMemoryPeer}'s message, {@link StreamPipePeer}'s
 * stream), for the container tests that run those peers in a container (same package, so the
 * contract's helpers stay package-private).
 */
public final class ContractTexts {
    public static final long MESSAGE_OFFSET = SharedMemoryContract.MESSAGE_OFFSET;
    public static final long REPLY_OFFSET = SharedMemoryContract.REPLY_OFFSET;

    private ContractTexts() {
    }

    public static void write(MemorySegment segment, long offset, String text) {
        SharedMemoryContract.writeText(segment, offset, text);
    }

    public static String read(MemorySegment segment, long offset) {
        return SharedMemoryContract.readText(segment, offset);
    }

    /** Byte {@code i} of the stream {@link StreamPipePeer} writes. */
    public static byte streamByte(long i) {
        return StreamPipePeer.pattern(i);
    }
}
