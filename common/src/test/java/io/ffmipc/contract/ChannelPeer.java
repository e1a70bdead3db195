package io.ffmipc.contract;

import io.ffmipc.testkit.StructureMemory;
import io.ffmipc.Channel;
import io.ffmipc.ChannelMode;
import io.ffmipc.ChannelOptions;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.WaitStrategy;
import io.ffmipc.channel.ChannelHeaderDescriptor;
import io.ffmipc.channel.RingDescriptor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Random;

/**
 * The other process of {@link ChannelContract}: each mode is one role. It opens the channel on
 * {@code Ipc.platform()}, the provider on the class path, as an application would.
 */
public final class ChannelPeer {
    private ChannelPeer() {
    }

    /**
     * Message {@code seq}: [seq][length][pattern], 8 to ~1 KiB, deterministic so the receiver can check
     * it (also the container tests' lead, which runs this peer in a container).
     */
    public static int fill(MemorySegment buf, int seq, int salt) {
        int len = 8 + (seq * 53 + salt * 7) % 1000;
        buf.set(ValueLayout.JAVA_INT, 0, seq);
        buf.set(ValueLayout.JAVA_INT, 4, salt);
        for (int i = 8; i < len; i++) {
            buf.set(ValueLayout.JAVA_BYTE, i, (byte) (seq * 31 + i + salt));
        }
        return len;
    }

    /** Checks a message made by {@link #fill}; returns null if right, else what is wrong. */
    public static String check(MemorySegment buf, long off, int len, int seq, int salt) {
        int expectLen = 8 + (seq * 53 + salt * 7) % 1000;
        if (len != expectLen) {
            return "message " + seq + " has " + len + " bytes, expected " + expectLen;
        }
        if (buf.get(ValueLayout.JAVA_INT, off) != seq || buf.get(ValueLayout.JAVA_INT, off + 4) != salt) {
            return "message " + seq + " carries seq " + buf.get(ValueLayout.JAVA_INT, off) + " salt "
                    + buf.get(ValueLayout.JAVA_INT, off + 4);
        }
        for (int i = 8; i < len; i++) {
            if (buf.get(ValueLayout.JAVA_BYTE, off + i) != (byte) (seq * 31 + i + salt)) {
                return "message " + seq + " byte " + i + " differs";
            }
        }
        return null;
    }

    public static void main(String[] args) throws Exception {
        IpcPlatform p = Ipc.platform();
        String name = args[1];
        MemorySegment buf = Arena.ofAuto().allocate(2048);
        switch (args[0]) {
            case "echo-stream" -> {
                ChannelOptions o = ChannelOptions.defaults().withCapacity(16 * 1024)
                        .withWaitStrategy(WaitStrategy.valueOf(args[2]));
                try (Channel ch = p.channel(name, OpenMode.OPEN, o)) {
                    int pings = Integer.parseInt(args[3]);
                    for (int i = 0; i < pings; i++) {
                        int n = ch.receive(buf, Duration.ofSeconds(20));
                        if (n < 0 || !ch.offer(buf.asSlice(0, n), Duration.ofSeconds(20))) {
                            throw new AssertionError("echo " + i + " timed out");
                        }
                    }
                    int stream = Integer.parseInt(args[4]);
                    for (int seq = 0; seq < stream; seq++) {
                        int len = fill(buf, seq, 1);
                        if (!ch.offer(buf.asSlice(0, len), Duration.ofSeconds(20))) {
                            throw new AssertionError("stream " + seq + " timed out");
                        }
                    }
                    if (ch.receive(buf, Duration.ofSeconds(20)) < 0) {
                        throw new AssertionError("no goodbye");
                    }
                }
            }
            case "stream-forever" -> {
                try (Channel ch = p.channel(name, OpenMode.OPEN, ChannelOptions.defaults()
                        .withCapacity(16 * 1024).withWaitStrategy(WaitStrategy.BUSY_SPIN))) {
                    for (int seq = 0; ; seq++) {
                        int len = fill(buf, seq, 2);
                        ch.send(buf.asSlice(0, len));
                        if (seq == 100) {
                            System.out.println("streaming");
                            System.out.flush();
                        }
                    }
                }
            }
            case "hold" -> {
                // Opens and stays, alive and idle, until it is killed.
                try (Channel ch = p.channel(name, OpenMode.OPEN, ChannelOptions.defaults())) {
                    System.out.println("holding");
                    System.out.flush();
                    Thread.sleep(120_000);
                }
            }
            case "send-close" -> {
                try (Channel ch = p.channel(name, OpenMode.OPEN, ChannelOptions.defaults())) {
                    for (int seq = 0; seq < Integer.parseInt(args[2]); seq++) {
                        int len = fill(buf, seq, 3);
                        ch.send(buf.asSlice(0, len));
                    }
                }
            }
            case "mpsc" -> {
                int id = Integer.parseInt(args[2]);
                int count = Integer.parseInt(args[3]);
                try (Channel ch = p.channel(name, OpenMode.OPEN, ChannelOptions.defaults().withCapacity(8192)
                        .withMode(ChannelMode.MPSC).withWaitStrategy(WaitStrategy.SPIN_THEN_YIELD))) {
                    for (int seq = 0; seq < count; seq++) {
                        int len = fill(buf, seq, 10 + id);
                        if (!ch.offer(buf.asSlice(0, len), Duration.ofSeconds(30))) {
                            throw new AssertionError("producer " + id + " timed out at " + seq);
                        }
                    }
                }
            }
            case "claim-and-hang" -> {
                Channel ch = p.channel(name, OpenMode.OPEN, ChannelOptions.defaults().withCapacity(4096)
                        .withMode(ChannelMode.MPSC).withWaitStrategy(WaitStrategy.BUSY_SPIN));
                ch.tryOffer(new byte[] {1, 2, 3});
                // What a producer killed between its claim and its publish leaves: the producer
                // position moved past a record whose LENGTH is still 0.
                try (SharedMemory shm = StructureMemory.open(p, "channel", name)) {
                    long pos = ChannelHeaderDescriptor.ringOffset(ChannelHeaderDescriptor.OPENER_TO_CREATOR, 4096)
                            + RingDescriptor.PRODUCER_POSITION_OFFSET;
                    long t = shm.segment().get(ValueLayout.JAVA_LONG, pos);
                    shm.segment().set(ValueLayout.JAVA_LONG, pos, t + 32);
                }
                System.out.println("claimed");
                System.out.flush();
                Thread.sleep(60_000);
            }
            case "hostile" -> {
                long seed = Long.parseLong(args[2]);
                long millis = Long.parseLong(args[3]);
                try (SharedMemory shm = StructureMemory.open(p, "channel", name)) {
                    scribble(shm.segment(), new Random(seed), millis);
                }
            }
            case "corrupt-next" -> {
                // Publishes an impossible record length exactly where the creator's consumer reads next.
                try (SharedMemory shm = StructureMemory.open(p, "channel", name)) {
                    MemorySegment seg = shm.segment();
                    int cap = seg.get(ValueLayout.JAVA_INT, ChannelHeaderDescriptor.RING_CAPACITY_OFFSET);
                    long ring = ChannelHeaderDescriptor.ringOffset(1, cap);
                    long consumed = seg.get(ValueLayout.JAVA_LONG, ring + RingDescriptor.CONSUMER_POSITION_OFFSET);
                    long record = ring + RingDescriptor.DATA_OFFSET + (consumed & (cap - 1));
                    seg.set(ValueLayout.JAVA_INT, record + RingDescriptor.TYPE_OFFSET, RingDescriptor.TYPE_MESSAGE);
                    seg.set(ValueLayout.JAVA_INT, record + RingDescriptor.LENGTH_OFFSET, cap + 64);
                }
            }
            case "zero-next" -> {
                // Zeroes the length of the next record the creator's consumer reads: a published
                // message that now looks like "nothing here", with more published after it.
                try (SharedMemory shm = StructureMemory.open(p, "channel", name)) {
                    MemorySegment seg = shm.segment();
                    int cap = seg.get(ValueLayout.JAVA_INT, ChannelHeaderDescriptor.RING_CAPACITY_OFFSET);
                    long ring = ChannelHeaderDescriptor.ringOffset(ChannelHeaderDescriptor.OPENER_TO_CREATOR, cap);
                    long consumed = seg.get(ValueLayout.JAVA_LONG, ring + RingDescriptor.CONSUMER_POSITION_OFFSET);
                    seg.set(ValueLayout.JAVA_INT, ring + RingDescriptor.DATA_OFFSET + (consumed & (cap - 1))
                            + RingDescriptor.LENGTH_OFFSET, 0);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Writes garbage: header fields, ring positions and wait words, record lengths/types, random bytes. */
    private static void scribble(MemorySegment seg, Random r, long millis) throws InterruptedException {
        int cap = seg.get(ValueLayout.JAVA_INT, ChannelHeaderDescriptor.RING_CAPACITY_OFFSET);
        long[] ringBases = {ChannelHeaderDescriptor.ringOffset(0, cap), ChannelHeaderDescriptor.ringOffset(1, cap)};
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            long ring = ringBases[r.nextInt(2)];
            switch (r.nextInt(5)) {
                case 0 -> seg.set(ValueLayout.JAVA_LONG, 8L * r.nextInt(16), r.nextLong()); // header
                case 1 -> seg.set(ValueLayout.JAVA_LONG, ring + (r.nextBoolean() ? 0 : 128),
                        r.nextBoolean() ? r.nextLong() : r.nextInt(4 * cap)); // positions
                case 2 -> seg.set(ValueLayout.JAVA_INT, ring + 256 + 128L * r.nextInt(2) + 4L * r.nextInt(3), r.nextInt());
                case 3 -> seg.set(ValueLayout.JAVA_INT, ringBases[1] + RingDescriptor.DATA_OFFSET + 8L * r.nextInt(cap / 8)
                        + 4L * r.nextInt(2), r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(cap + 64) - 32); // lengths/types
                default -> seg.set(ValueLayout.JAVA_BYTE, (long) r.nextInt((int) seg.byteSize()), (byte) r.nextInt());
            }
            Thread.sleep(0, 200_000);
        }
    }
}
