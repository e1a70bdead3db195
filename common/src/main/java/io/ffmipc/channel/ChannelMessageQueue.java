package io.ffmipc.channel;

import io.ffmipc.ChannelCorruptedException;
import io.ffmipc.ChannelMode;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.MessageTooLargeException;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.IpcNames;
import io.ffmipc.MessageTooLargeException;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.SharedStructures;
import io.ffmipc.core.StructureKind;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Received;
import io.ffmipc.SharedMemory;
import io.ffmipc.WaitStrategy;
import io.ffmipc.core.OpenOrCreate;
import io.ffmipc.spi.Durations;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.spi.WaitSeam;
import io.ffmipc.core.WaitSlices;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import static io.ffmipc.channel.Shared.INT;
import static io.ffmipc.channel.Shared.LONG;

/**
 * The portable {@link MessageQueue} for an OS without a native one (Windows, macOS): one named
 * shared-memory object holding a queue header and ONE multi-producer ring of the channel format
 * ({@link RingDescriptor}, {@link RingProducer} in {@link ChannelMode#MPSC} mode, {@link RingConsumer}).
 * Unlike a {@link SharedMemoryChannel} it is not duplex and has no creator/opener roles: every
 * handle, in any process, may send and receive.
 *
 * The layout is {@link QueueDescriptor}'s; opening and creating follow the lifecycle every
 * shared-memory structure shares ({@link SharedStructures}).
 *
 * <h2>Semantics and limits (stated precisely)</h2>
 * <ul>
 *   <li><b>Many senders, many receivers, each message taken once.</b> Senders claim space by a
 *       compare-and-set (the MPSC ring). Receivers take turns: a receive holds RECEIVE_TURN only
 *       while it looks at and copies one message (never while it waits), re-reads the shared
 *       consumer position at the start of its turn, and releases the turn after. A turn left by a
 *       dead handle is taken over: the turn names the holder's presence slot, which the OS frees
 *       when the holder's process dies, seen from any pid namespace (where the platform has no
 *       presence seam: its pid and start time, see {@code Liveness}).</li>
 *   <li><b>FIFO only: {@link #maxPriority()} is 0.</b> A priority other than 0 is refused with
 *       {@link IllegalArgumentException}. Messages of one sender arrive in the order it sent them.</li>
 *   <li><b>maxMessages is exact</b>: a sender first counts its message into DEPTH (a compare-and-set
 *       that refuses at maxMessages), then writes it; the receiver counts it out after releasing its
 *       ring space. The ring is sized so that maxMessages records of the largest size plus one
 *       wrap-around padding always fit: {@code capacity = nextPowerOfTwo((maxMessages + 1) * align8(maxMessageSize + 8))},
 *       at least {@link RingDescriptor#MIN_CAPACITY}, at most {@link RingDescriptor#MAX_CAPACITY}
 *       (beyond it: {@link IpcLimitException}).</li>
 *   <li><b>Waiting parks on the OS wait seam</b> (futex on Linux; named semaphores on Windows;
 *       {@code os_sync_wait_on_address} on macOS, see {@link WaitSeam}): a blocked call spins, yields,
 *       then parks on the ring's wait point of its side, receivers on the consumer's, senders on
 *       the producers'. A sender wakes parked receivers after publishing; a receiver wakes parked
 *       senders after counting its message out of DEPTH. The {@link WaitPoint} handshake loses no
 *       wake-up; parks last at most {@link WaitSlices#MAX_SLICE_NANOS}, so timeouts, interrupts
 *       ({@link IpcInterruptedException}, flag kept) and close ({@link IllegalStateException}) are
 *       seen. On a platform without a wait seam, waiting polls instead: sleeps of at most
 *       {@link #MAX_SLEEP_NANOS} ns, so a wake-up may take up to that long.</li>
 *   <li>The name is the shared-memory object's name: {@link #remove} removes that object.</li>
 *   <li>A sender killed between counting its message in and publishing it leaves a claim the
 *       receivers cannot pass: after {@link #STALL_TIMEOUT} a receive reports it with an
 *       {@link IpcException} instead of waiting forever.</li>
 * </ul>
 * Send and receive on {@link MemorySegment}s copy once and allocate nothing.
 */
public final class ChannelMessageQueue implements MessageQueue {
    /** Without a wait seam: the longest a waiting call sleeps between looks. */
    public static final long MAX_SLEEP_NANOS = 1_000_000;
    /** How long one process may hold the receive turn before a receiver checks that it still lives. */
    static final long TURN_CHECK_NANOS = 1_000_000;
    /** How long a claimed but unpublished message may block the receivers before it is reported. */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);
    private static final long OPEN_TIMEOUT_NANOS = 2_000_000_000L;
    private static final int MAGIC = StructureKind.MESSAGE_QUEUE.magic();
    private static final String SEND = "send on message queue";
    private static final String RECEIVE = "receive on message queue";

    private final PlatformSeams seams;
    private final String name;
    private final SharedMemory shm;
    private final MemorySegment seg;
    private final long maxMessages;
    private final long maxMessageSize;
    private final int capacity;
    private final RingProducer producer;
    private final RingConsumer consumer;
    /** Where receivers park for a message (null words: the platform has no wait seam). */
    private final WaitPoint receiversWait;
    /** Where senders park for room in DEPTH. */
    private final WaitPoint sendersWait;
    private final WaitPoints waitPoints;
    private final Idler idler;
    private final Idler.Ready messageReady;
    private final Idler.Ready roomReady;
    private final Liveness liveness;
    /** What this handle writes into RECEIVE_TURN (its presence slot + 1, or its process stamp). */
    private final long self;
    /** The receive-turn holder last seen by a failed take, and since when (see {@link #takeTurn}). */
    private long turnHolderSeen;
    private long turnHolderSince;
    private final Object sendLock = new Object();
    private volatile boolean nonBlocking;
    private volatile boolean closed;

    private ChannelMessageQueue(PlatformSeams seams, String name, SharedMemory shm, long maxMessages,
                                long maxMessageSize, int capacity, String operation) {
        this.seams = seams;
        this.name = name;
        this.shm = shm;
        this.seg = shm.segment();
        int rule = (int) INT.get(seg, QueueDescriptor.LIVENESS_OFFSET);
        this.liveness = Liveness.of(rule, seams, shm, operation, "message queue", name);
        this.self = liveness.enter(seg, QueueDescriptor.PRESENCE_COUNTER_OFFSET, operation, name);
        this.maxMessages = maxMessages;
        this.maxMessageSize = maxMessageSize;
        this.capacity = capacity;
        WaitSeam seam = seams.waitSeam().orElse(null); // none: waiting polls
        long receiversBase = QueueDescriptor.RING_OFFSET + RingDescriptor.CONSUMER_WAIT_OFFSET;
        long sendersBase = QueueDescriptor.RING_OFFSET + RingDescriptor.PRODUCER_WAIT_OFFSET;
        this.waitPoints = new WaitPoints(shm, seam);
        this.receiversWait = waitPoints.own(receiversBase);
        this.sendersWait = waitPoints.own(sendersBase);
        this.idler = seam == null ? null : new Idler(WaitStrategy.SPIN_THEN_PARK);
        if (seam != null) {
            receiversWait.declareMayPark();
            sendersWait.declareMayPark();
        }
        // Publishing wakes parked receivers. The consumer's own wake (when it frees ring space)
        // gets a point without a word: senders wait for DEPTH, not ring space, and are woken after
        // the DEPTH decrement that follows it; a second system call there would only wake them early.
        this.producer = new RingProducer(seg, QueueDescriptor.RING_OFFSET, capacity, ChannelMode.MPSC, receiversWait, "message queue", name, "queue ring");
        this.consumer = new RingConsumer(seg, QueueDescriptor.RING_OFFSET, capacity, ChannelMode.MPSC, new WaitPoint(seg, sendersBase, null),
                STALL_TIMEOUT.toNanos(), this::stalled, "message queue", name, "queue ring");
        this.messageReady = consumer::hasRecordAtSharedPosition;
        this.roomReady = () -> (long) LONG.getVolatile(seg, QueueDescriptor.DEPTH_OFFSET) < this.maxMessages;
    }

    /** Opens or creates the queue {@code name} on a platform's seams. */
    public static MessageQueue open(PlatformSeams seams, String name, OpenMode mode, MessageQueueOptions options) {
        Objects.requireNonNull(seams, "platform");
        Objects.requireNonNull(options, "options");
        IpcNames.validate(name);
        int cap = mode == OpenMode.OPEN ? RingDescriptor.MIN_CAPACITY
                : QueueDescriptor.capacityFor("create message queue", name, options.maxMessages(), options.maxMessageSize());
        int rule = Liveness.ruleFor(seams);
        return SharedStructures.open(seams, StructureKind.MESSAGE_QUEUE, name, mode, QueueDescriptor.totalLength(cap),
                QueueDescriptor.RING_OFFSET, options.permissions(), OPEN_TIMEOUT_NANOS, h -> {
                    LONG.set(h, QueueDescriptor.MAX_MESSAGES_OFFSET, options.maxMessages());
                    LONG.set(h, QueueDescriptor.MAX_MESSAGE_SIZE_OFFSET, options.maxMessageSize());
                    INT.set(h, QueueDescriptor.CAPACITY_OFFSET, cap);
                    INT.set(h, QueueDescriptor.LIVENESS_OFFSET, rule);
                }, (shm, created) -> created
                        ? new ChannelMessageQueue(seams, name, shm, options.maxMessages(), options.maxMessageSize(), cap,
                                "create message queue")
                        : fromHeader(seams, name, shm));
    }

    /** Removes the queue's name; {@code false} if there was none. */
    public static boolean remove(PlatformSeams seams, String name) {
        return SharedStructures.remove(seams, StructureKind.MESSAGE_QUEUE, name);
    }

    private static MessageQueue fromHeader(PlatformSeams seams, String name, SharedMemory shm) {
        MemorySegment h = shm.segment();
        long maxMessages = (long) LONG.get(h, QueueDescriptor.MAX_MESSAGES_OFFSET);
        long maxMessageSize = (long) LONG.get(h, QueueDescriptor.MAX_MESSAGE_SIZE_OFFSET);
        int cap = (int) INT.get(h, QueueDescriptor.CAPACITY_OFFSET);
        String op = "open message queue";
        if (maxMessages < 1 || maxMessageSize < 1) {
            throw new ChannelCorruptedException(op, "message queue", name, "header sizes",
                    Math.min(maxMessages, maxMessageSize), "maxMessages and maxMessageSize are at least 1");
        }
        int expected;
        try {
            expected = QueueDescriptor.capacityFor(op, name, maxMessages, maxMessageSize);
        } catch (IpcLimitException tooLarge) {
            throw new ChannelCorruptedException(op, "message queue", name, "header sizes", maxMessages,
                    "a queue of " + maxMessages + " messages of " + maxMessageSize + " bytes cannot exist");
        }
        if (cap != expected) {
            throw new ChannelCorruptedException(op, "message queue", name, "header ring capacity", cap,
                    "it must be " + expected + " for " + maxMessages + " messages of " + maxMessageSize + " bytes");
        }
        if (QueueDescriptor.totalLength(cap) > shm.size()) {
            throw new ChannelCorruptedException(op, "message queue", name, "shared memory size", shm.size(),
                    "the ring needs " + QueueDescriptor.totalLength(cap) + " bytes");
        }
        return new ChannelMessageQueue(seams, name, shm, maxMessages, maxMessageSize, cap, op);
    }

    /**
     * Every operation re-reads the header line (written once by the creator, only read since, so it
     * stays cached): a header overwritten after this handle opened is reported, not ignored.
     */
    private void checkHeader(String operation) {
        int magic = (int) INT.getVolatile(seg, QueueDescriptor.MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new ChannelCorruptedException(operation, "message queue", name, "header magic word", magic,
                    String.format("it must stay 0x%08x while the queue exists", MAGIC));
        }
        long m = (long) LONG.get(seg, QueueDescriptor.MAX_MESSAGES_OFFSET);
        long z = (long) LONG.get(seg, QueueDescriptor.MAX_MESSAGE_SIZE_OFFSET);
        int c = (int) INT.get(seg, QueueDescriptor.CAPACITY_OFFSET);
        if (m != maxMessages || z != maxMessageSize || c != capacity) {
            throw new ChannelCorruptedException(operation, "message queue", name, "header sizes",
                    m != maxMessages ? m : z != maxMessageSize ? z : c, "they must stay " + maxMessages + " messages of "
                            + maxMessageSize + " bytes in a " + capacity + "-byte ring while the queue exists");
        }
    }

    // ---- MessageQueue ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public long maxMessages() {
        return maxMessages;
    }

    @Override
    public long maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public int maxPriority() {
        return 0;
    }

    @Override
    public long depth() {
        checkOpen();
        return (long) LONG.getVolatile(seg, QueueDescriptor.DEPTH_OFFSET);
    }

    @Override
    public Attributes attributes() {
        checkOpen();
        return new Attributes(maxMessages, maxMessageSize, depth(), nonBlocking);
    }

    @Override
    public boolean send(MemorySegment message, int priority, Duration timeout) {
        checkSend(message.byteSize(), priority);
        if (!reserve(timeout)) {
            return false;
        }
        int length = (int) message.byteSize();
        synchronized (sendLock) {
            while (!producer.offer(message, 0, length)) {
                waitForRingSpace();
            }
        }
        return true;
    }

    @Override
    public boolean send(byte[] message, int priority, Duration timeout) {
        checkSend(message.length, priority);
        if (!reserve(timeout)) {
            return false;
        }
        synchronized (sendLock) {
            while (!producer.offer(message, 0, message.length)) {
                waitForRingSpace();
            }
        }
        return true;
    }

    private void checkSend(long length, int priority) {
        checkOpen();
        if (priority != 0) {
            throw new IllegalArgumentException("message queue '" + name + "' is FIFO only (maxPriority 0); got priority "
                    + priority);
        }
        if (length > maxMessageSize) {
            throw new MessageTooLargeException(SEND, name, length, maxMessageSize);
        }
        checkHeader(SEND);
    }

    /** Counts one message into DEPTH, waiting for room; {@code false} on timeout. */
    private boolean reserve(Duration timeout) {
        long deadline = 0;
        int round = 0; // counts waiting rounds only: a lost compare-and-set is not a wait
        while (true) {
            long d = (long) LONG.getVolatile(seg, QueueDescriptor.DEPTH_OFFSET);
            if (d < 0 || d > maxMessages) {
                throw new ChannelCorruptedException(SEND, "message queue", name, "queue depth", d, "it is between 0 and " + maxMessages);
            }
            if (d < maxMessages) {
                if (LONG.compareAndSet(seg, QueueDescriptor.DEPTH_OFFSET, d, d + 1)) {
                    return true;
                }
                Thread.onSpinWait();
                continue;
            }
            // The deadline starts with the first full look, whatever happened before it.
            if (round == 0) {
                deadline = System.nanoTime() + Deadline.lengthNanos(timeout);
            }
            if (!idle(SEND, round++, deadline, sendersWait, roomReady)) {
                return false;
            }
        }
    }

    /** The message is counted in, so its space frees as receivers go on; only a wrap can make it wait. */
    private void waitForRingSpace() {
        checkOpen();
        Thread.onSpinWait();
    }

    @Override
    public long receive(MemorySegment buffer, Received into, Duration timeout) {
        checkOpen();
        if (buffer.byteSize() < maxMessageSize) {
            throw ReceiveBufferTooSmallException.forLargestMessage(RECEIVE, name, maxMessageSize, buffer.byteSize(),
                    null);
        }
        checkHeader(RECEIVE);
        long deadline = 0;
        for (int round = 0; ; round++) {
            if (takeTurn()) {
                try {
                    consumer.resync();
                    int length = consumer.peek();
                    if (length >= 0) {
                        consumer.copyTo(buffer, length);
                        countOut();
                        if (into != null) {
                            into.set(length, 0);
                        }
                        return length;
                    }
                } finally {
                    endTurn();
                }
            }
            if (round == 0) {
                deadline = System.nanoTime() + Deadline.lengthNanos(timeout);
            }
            if (!idle(RECEIVE, round, deadline, receiversWait, messageReady)) {
                if (into != null) {
                    into.set(-1, 0);
                }
                return -1;
            }
        }
    }

    @Override
    public Optional<Message> receive(Duration timeout) {
        checkOpen();
        checkHeader(RECEIVE);
        long deadline = 0;
        for (int round = 0; ; round++) {
            if (takeTurn()) {
                try {
                    consumer.resync();
                    int length = consumer.peek();
                    if (length >= 0) {
                        byte[] out = new byte[length];
                        consumer.copyTo(out, length);
                        countOut();
                        return Optional.of(new Message(out, 0));
                    }
                } finally {
                    endTurn();
                }
            }
            if (round == 0) {
                deadline = System.nanoTime() + Deadline.lengthNanos(timeout);
            }
            if (!idle(RECEIVE, round, deadline, receiversWait, messageReady)) {
                return Optional.empty();
            }
        }
    }

    /** Counts a received message out of DEPTH (after its ring space is free), then wakes parked senders. */
    private void countOut() {
        LONG.getAndAdd(seg, QueueDescriptor.DEPTH_OFFSET, -1L);
        sendersWait.wakeIfParked();
    }

    /**
     * Takes the receive turn, or takes it over from a dead handle; {@code false} if another has it.
     * A turn lasts one copy, so a holder seen for {@link #TURN_CHECK_NANOS} is worth a liveness check
     * (a system call: asking for its presence slot, or reading /proc); checks are at most that
     * often, so contending receivers stay cheap.
     */
    private boolean takeTurn() {
        if (LONG.compareAndSet(seg, QueueDescriptor.RECEIVE_TURN_OFFSET, 0L, self)) {
            return true;
        }
        long holder = (long) LONG.getVolatile(seg, QueueDescriptor.RECEIVE_TURN_OFFSET);
        if (holder == 0 || holder == self) {
            return false;
        }
        long now = System.nanoTime();
        if (holder != turnHolderSeen) { // racy between this handle's threads: only a heuristic
            turnHolderSeen = holder;
            turnHolderSince = now;
            return false;
        }
        if (now - turnHolderSince < TURN_CHECK_NANOS) {
            return false;
        }
        turnHolderSince = now;
        return !liveness.holderAlive(holder) && LONG.compareAndSet(seg, QueueDescriptor.RECEIVE_TURN_OFFSET, holder, self);
    }

    private void endTurn() {
        LONG.setRelease(seg, QueueDescriptor.RECEIVE_TURN_OFFSET, 0L);
    }

    private void stalled(long position) {
        throw new IpcException(RECEIVE, name, null, "the message at ring position " + position
                + " was claimed but not written for " + Durations.format(STALL_TIMEOUT)
                + ": its sender probably died while writing it; the queue cannot go on past it");
    }

    /**
     * One waiting round: spin, then yield, then park on {@code point} until {@code ready} (or, with
     * no wait seam, sleep a slice); checks close, interrupt and the deadline. {@code false} once the
     * deadline has passed (at once in non-blocking mode).
     */
    private boolean idle(String op, int round, long deadline, WaitPoint point, Idler.Ready ready) {
        checkOpen();
        if (nonBlocking) {
            return false;
        }
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            return false;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IpcInterruptedException(op, name);
        }
        if (idler != null) {
            idler.idle(round, point, ready, WaitSlices.MAX_SLICE_NANOS, deadline);
        } else if (round < 100) {
            Thread.onSpinWait();
        } else if (round < 200) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(MAX_SLEEP_NANOS, deadline - now));
        }
        return true;
    }

    @Override
    public void setNonBlocking(boolean nonBlocking) {
        checkOpen();
        this.nonBlocking = nonBlocking;
    }

    @Override
    public boolean isNonBlocking() {
        return nonBlocking;
    }

    @Override
    public void unlink() {
        checkOpen();
        shm.unlink();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("message queue '" + name + "' is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // This handle's parked threads (and, harmlessly, other handles' on the same words) wake,
            // see `closed` and leave with IllegalStateException; their waiter counts are given back.
            waitPoints.close();
            liveness.leave();
        } finally {
            shm.close();
        }
    }

    @Override
    public String toString() {
        return "message queue '" + name + "' (shared-memory ring of " + capacity + " bytes, " + maxMessages
                + " x " + maxMessageSize + " bytes, FIFO" + (closed ? ", closed)" : ")");
    }
}
