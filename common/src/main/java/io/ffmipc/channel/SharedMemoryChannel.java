package io.ffmipc.channel;

import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.Channel;
import io.ffmipc.ChannelCorruptedException;
import io.ffmipc.ChannelMode;
import io.ffmipc.ChannelOptions;
import io.ffmipc.ChannelPeerGoneException;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.SharedStructures;
import io.ffmipc.core.StructureKind;
import io.ffmipc.MessageHandler;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.PeerState;
import io.ffmipc.SharedMemory;
import io.ffmipc.core.OpenOrCreate;
import io.ffmipc.core.PollingWaitSeam;
import io.ffmipc.spi.Durations;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.spi.WaitSeam;
import io.ffmipc.core.WaitSlices;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;

import static io.ffmipc.channel.ChannelHeaderDescriptor.CREATOR_TO_OPENER;
import static io.ffmipc.channel.ChannelHeaderDescriptor.OPENER_TO_CREATOR;
import static io.ffmipc.channel.Shared.INT;

/**
 * {@link Channel} over one named shared-memory object laid out by {@link ChannelHeaderDescriptor}.
 * Portable: the OS contributes only the shared memory and, for parking strategies, the
 * {@link WaitSeam}.
 */
public final class SharedMemoryChannel implements Channel {
    private static final String SEND = "send on channel";
    private static final String RECEIVE = "receive on channel";
    /** How often a waiting call checks close, interrupt and the peer's liveness. */
    private static final long CHECK_NANOS = WaitSlices.MAX_SLICE_NANOS;

    private final String name;
    private final SharedMemory shm;
    private final boolean creator;
    private final ChannelOptions options;
    private final PeerTable peers;
    private final int openerSlot;
    private final RingProducer producer;
    private final RingConsumer consumer;
    private final WaitPoint inboundConsumerWait;
    private final WaitPoint outboundProducerWait;
    private final Idler idler;
    private final Idler.Ready inboundReady;
    private final Idler.Ready outboundReady;
    private final WaitPoints waitPoints;
    private final long stallNanos;
    private volatile boolean closed;
    private int pendingPayload;

    private SharedMemoryChannel(String name, SharedMemory shm, boolean creator, ChannelOptions options,
                                WaitSeam seam, Liveness liveness) {
        this.name = name;
        this.shm = shm;
        this.creator = creator;
        this.options = options;
        MemorySegment seg = shm.segment();
        this.peers = new PeerTable(seg, name, liveness);
        this.openerSlot = creator ? -1 : peers.claimOpenerSlot(options.mode());
        if (creator) {
            peers.markCreatorOpen();
        }
        int cap = options.capacity();
        long inBase = ChannelHeaderDescriptor.ringOffset(creator ? OPENER_TO_CREATOR : CREATOR_TO_OPENER, cap);
        long outBase = ChannelHeaderDescriptor.ringOffset(creator ? CREATOR_TO_OPENER : OPENER_TO_CREATOR, cap);
        this.waitPoints = new WaitPoints(shm, seam);
        WaitPoint inConsumer = waitPoints.own(inBase + RingDescriptor.CONSUMER_WAIT_OFFSET);
        WaitPoint inProducer = waitPoints.peers(inBase + RingDescriptor.PRODUCER_WAIT_OFFSET);
        WaitPoint outConsumer = waitPoints.peers(outBase + RingDescriptor.CONSUMER_WAIT_OFFSET);
        WaitPoint outProducer = waitPoints.own(outBase + RingDescriptor.PRODUCER_WAIT_OFFSET);
        this.inboundConsumerWait = inConsumer;
        this.outboundProducerWait = outProducer;
        this.stallNanos = options.stallTimeout().toNanos();
        String inLabel = creator ? "ring opener→creator" : "ring creator→opener";
        String outLabel = creator ? "ring creator→opener" : "ring opener→creator";
        this.producer = new RingProducer(seg, outBase, cap, options.mode(), outConsumer, "channel", name, outLabel);
        this.consumer = new RingConsumer(seg, inBase, cap, options.mode(), inProducer, stallNanos,
                this::stalled, "channel", name, inLabel);
        this.idler = new Idler(options.waitStrategy());
        this.inboundReady = consumer::hasRecord;
        this.outboundReady = () -> producer.hasRoomFor(pendingPayload);
        if (options.waitStrategy().parks()) {
            inConsumer.declareMayPark();
            outProducer.declareMayPark();
        }
    }

    /**
     * Opens or creates the channel {@code name} on a platform's seams, with the lifecycle every
     * shared-memory structure shares ({@link SharedStructures}): the creator fills the header and
     * publishes the magic last; an opener waits for it at most {@link ChannelOptions#openTimeout()}.
     *
     * @throws io.ffmipc.ChannelVersionException the channel was laid out by another library version
     */
    public static Channel open(PlatformSeams seams, String name, OpenMode mode, ChannelOptions options) {
        Objects.requireNonNull(seams, "platform");
        Objects.requireNonNull(options, "options");
        WaitSeam seam = seamOf(seams, options);
        int rule = Liveness.ruleFor(seams);
        return SharedStructures.open(seams, StructureKind.CHANNEL, name, mode,
                ChannelHeaderDescriptor.totalLength(options.capacity()), ChannelHeaderDescriptor.HEADER_LENGTH,
                options.permissions(), options.openTimeout().toNanos(), h -> {
                    INT.set(h, (long) ChannelHeaderDescriptor.MODE_OFFSET, ChannelHeaderDescriptor.modeCode(options.mode()));
                    INT.set(h, (long) ChannelHeaderDescriptor.RING_CAPACITY_OFFSET, options.capacity());
                    INT.set(h, (long) ChannelHeaderDescriptor.OPENER_SLOTS_OFFSET, ChannelHeaderDescriptor.OPENER_SLOTS);
                    INT.set(h, (long) ChannelHeaderDescriptor.LIVENESS_OFFSET, rule);
                }, (shm, created) -> {
                    ChannelOptions o = created ? options : readHeader(name, shm.segment(), shm.size(), options);
                    String op = created ? "create channel" : "open channel";
                    int recorded = (int) INT.get(shm.segment(), (long) ChannelHeaderDescriptor.LIVENESS_OFFSET);
                    Liveness liveness = Liveness.of(recorded, seams, shm, op, "channel", name);
                    return new SharedMemoryChannel(name, shm, created, o, seam, liveness);
                });
    }

    /** Removes a channel's object; false if there was none. */
    public static boolean remove(PlatformSeams seams, String name) {
        return SharedStructures.remove(seams, StructureKind.CHANNEL, name);
    }

    private static WaitSeam seamOf(PlatformSeams seams, ChannelOptions options) {
        WaitSeam seam = seams.waitSeam().orElse(null);
        if (seam == null && options.waitStrategy().parks()) {
            // No OS wait seam (macOS before 14.4): a parking end polls its word instead.
            return PollingWaitSeam.INSTANCE;
        }
        return seam; // null: spinning ends never park; a parked peer still wakes within one slice
    }

    private static ChannelOptions readHeader(String name, MemorySegment h, long size, ChannelOptions asked) {
        int modeCode = (int) INT.get(h, (long) ChannelHeaderDescriptor.MODE_OFFSET);
        int capacity = (int) INT.get(h, (long) ChannelHeaderDescriptor.RING_CAPACITY_OFFSET);
        ChannelMode mode = switch (modeCode) {
            case ChannelHeaderDescriptor.MODE_SPSC -> ChannelMode.SPSC;
            case ChannelHeaderDescriptor.MODE_MPSC -> ChannelMode.MPSC;
            default -> throw new ChannelCorruptedException("open channel", name, "header mode", modeCode,
                    "it must be 1 (SPSC) or 2 (MPSC)");
        };
        if (capacity < RingDescriptor.MIN_CAPACITY || capacity > RingDescriptor.MAX_CAPACITY
                || Integer.bitCount(capacity) != 1) {
            throw new ChannelCorruptedException("open channel", name, "header ring capacity", capacity,
                    "it must be a power of two between " + RingDescriptor.MIN_CAPACITY + " and " + RingDescriptor.MAX_CAPACITY);
        }
        long needed = ChannelHeaderDescriptor.totalLength(capacity);
        if (needed > size) {
            throw new ChannelCorruptedException("open channel", name, "header ring capacity", capacity,
                    "two rings of it need " + needed + " bytes and the shared memory has " + size);
        }
        if (mode != asked.mode()) {
            throw new IpcException("open channel", name, null, "the channel was created as " + mode
                    + " and cannot be opened as " + asked.mode());
        }
        return asked.withCapacity(capacity);
    }

    // ---- API ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isCreator() {
        return creator;
    }

    @Override
    public ChannelOptions options() {
        return options;
    }

    @Override
    public int maxMessageSize() {
        return producer.maxPayload();
    }

    @Override
    public boolean tryOffer(MemorySegment message) {
        checkOpen();
        return producer.offer(message, 0, checkedLength(message));
    }

    @Override
    public boolean tryOffer(byte[] message) {
        checkOpen();
        return producer.offer(message, 0, message.length);
    }

    @Override
    public boolean offer(MemorySegment message, Duration timeout) {
        checkOpen();
        int length = checkedLength(message);
        if (producer.offer(message, 0, length)) {
            return true;
        }
        long deadline = deadlineOf(timeout);
        for (int round = 0; ; round++) {
            if (!awaitRoom(length, round, deadline)) {
                return false;
            }
            if (producer.offer(message, 0, length)) {
                return true;
            }
        }
    }

    @Override
    public boolean offer(byte[] message, Duration timeout) {
        checkOpen();
        if (producer.offer(message, 0, message.length)) {
            return true;
        }
        long deadline = deadlineOf(timeout);
        for (int round = 0; ; round++) {
            if (!awaitRoom(message.length, round, deadline)) {
                return false;
            }
            if (producer.offer(message, 0, message.length)) {
                return true;
            }
        }
    }

    private static int checkedLength(MemorySegment message) {
        long size = message.byteSize();
        return size > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) size; // too long either way: claim names the limit
    }

    /** One waiting round for room; {@code false} once the deadline has passed. */
    private boolean awaitRoom(int payload, int round, long deadline) {
        if (!idler.spinning(round) || (round & 63) == 0) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return false;
            }
            periodicChecks(SEND, round, now, true);
        }
        pendingPayload = payload;
        idler.idle(round, outboundProducerWait, outboundReady, CHECK_NANOS, deadline);
        return true;
    }

    @Override
    public int poll(MessageHandler handler, int limit) {
        checkOpen();
        long start = consumer.position();
        int n = 0;
        try {
            while (n < limit) {
                int length = consumer.peek();
                if (length < 0) {
                    break;
                }
                consumer.deliverInBatch(handler, length);
                n++;
            }
        } finally {
            // Once per poll, not per message: one store to the line the producer reads when full,
            // one look at whether it waits for room. Also when a handler threw: its message was taken.
            if (consumer.position() != start) {
                consumer.publishPosition();
            }
        }
        return n;
    }

    @Override
    public boolean receive(MessageHandler handler, Duration timeout) {
        checkOpen();
        int length = awaitMessage(timeout);
        if (length < 0) {
            return false;
        }
        consumer.deliver(handler, length);
        return true;
    }

    @Override
    public int tryReceive(MemorySegment destination) {
        checkOpen();
        int length = consumer.peek();
        return length < 0 ? -1 : copyOut(destination, length);
    }

    @Override
    public int receive(MemorySegment destination, Duration timeout) {
        checkOpen();
        int length = awaitMessage(timeout);
        return length < 0 ? -1 : copyOut(destination, length);
    }

    @Override
    public byte[] receive(Duration timeout) {
        checkOpen();
        int length = awaitMessage(timeout);
        if (length < 0) {
            return null;
        }
        byte[] out = new byte[length];
        consumer.copyTo(out, length);
        return out;
    }

    private int copyOut(MemorySegment destination, int length) {
        if (destination.byteSize() < length) {
            throw destinationTooSmall(destination, length);
        }
        consumer.copyTo(destination, length);
        return length;
    }

    private ReceiveBufferTooSmallException destinationTooSmall(MemorySegment destination, int length) {
        return new ReceiveBufferTooSmallException("receive on channel", name, length, destination.byteSize());
    }

    /**
     * Waits for the next message by the wait strategy; its payload length, or -1 once {@code timeout}
     * has passed. A message already there costs one look and no clock read; the deadline starts
     * with the first empty look.
     */
    private int awaitMessage(Duration timeout) {
        long timeoutNanos = Deadline.lengthNanos(timeout);
        long deadline = 0;
        for (int round = 0; ; round++) {
            int length = consumer.peek();
            if (length >= 0) {
                return length;
            }
            if (!idler.spinning(round) || (round & 63) == 0) {
                long now = System.nanoTime();
                if (round == 0) {
                    deadline = now + timeoutNanos;
                }
                if (now - deadline >= 0) {
                    return -1;
                }
                periodicChecks(RECEIVE, round, now, false);
            }
            if (!idler.spinning(round) && (round & 7) == 1) {
                // Yielding or parking: now and then, make sure the ring is not only looking empty
                // because it was corrupted (spinning looks are checked by the consumer itself every
                // so often). Not on the first round, the usual wait for a message in a ping-pong:
                // reading the producer's line then would cost its next publish a cache miss.
                consumer.checkPublished();
            }
            idler.idle(round, inboundConsumerWait, inboundReady, CHECK_NANOS, deadline);
        }
    }

    private long nextPeerCheck;

    /** Close, interrupt and (every {@link #CHECK_NANOS}) peer liveness; runs only while waiting. */
    private void periodicChecks(String op, int round, long now, boolean sending) {
        checkOpen();
        WaitSlices.checkInterrupt(op, name);
        if (round == 0) {
            nextPeerCheck = now + CHECK_NANOS;
            return;
        }
        if (now - nextPeerCheck < 0) {
            return;
        }
        nextPeerCheck = now + CHECK_NANOS;
        PeerState peer = peerState();
        boolean gone = peer == PeerState.DEAD
                || (peer == PeerState.CLOSED && (options.mode() == ChannelMode.SPSC || !creator));
        if (gone) {
            // A close by another thread while the peer was asked about wins: the question may have
            // gone to the shared memory's descriptor as it closed.
            checkOpen();
            long pid = creator ? peers.someOpener() : peers.creatorPid();
            throw new ChannelPeerGoneException(op, name, peer, pid, sending ? "nobody will make room in the ring"
                    : consumer.hasUnpublishedClaim() ? "the record at position " + consumer.position()
                    + " was claimed but never published: it died in the middle of writing it"
                    : "everything it sent has been received");
        }
    }

    /** MPSC: a record claimed but unpublished for the stall timeout; fail if its producer may have died. */
    private void stalled(long position) {
        long dead = creator ? peers.deadOpener() : (peers.creatorState() == PeerState.DEAD ? peers.creatorPid() : 0);
        if (dead != 0) {
            throw new ChannelPeerGoneException(RECEIVE, name, PeerState.DEAD, dead, "the record at position "
                    + position + " was claimed but never published for " + Durations.format(options.stallTimeout())
                    + ": its producer died in the middle of writing it; the channel cannot go on past it");
        }
    }

    private static long deadlineOf(Duration timeout) {
        return System.nanoTime() + Deadline.lengthNanos(timeout);
    }

    @Override
    public PeerState peerState() {
        checkOpen();
        return creator ? peers.openersState() : peers.creatorState();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("channel '" + name + "' is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (creator) {
                peers.markCreatorClosed();
            } else {
                peers.markOpenerClosed(openerSlot);
            }
            waitPoints.close(); // our parked threads leave; their waiter counts are given back
        } finally {
            shm.close();
        }
    }

    @Override
    public String toString() {
        return "channel '" + name + "' (" + (creator ? "creator" : "opener") + ", " + options.mode() + ", "
                + options.capacity() + "-byte rings, " + options.waitStrategy() + (closed ? ", closed)" : ")");
    }
}
