package io.ffmipc.bench;

import io.ffmipc.spi.Durations;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Aeron IPC, the best-known Java shared-memory transport, set up the way Aeron's own IPC
 * benchmarks set it up, fitted to this harness (see the bench README, "How each peer is set up"):
 * <ul>
 * <li>one {@link ExclusivePublication} per direction on {@code aeron:ipc} (single writer: no CAS
 *     on the tail), written with {@code tryClaim} (the message is copied once, straight into the
 *     log buffer, the frame header written by Aeron) and {@code offer} as the fallback;</li>
 * <li>each side polls the {@link Image} of its subscription directly, busy-spinning between
 *     empty polls ({@code Thread.onSpinWait}, what Agrona's {@code BusySpinIdleStrategy} does);
 *     echoes are polled with a fragment limit of 1, the stream with {@link Link#BATCH} and handed
 *     over in place (zero copy);</li>
 * <li>an embedded media driver in SHARED threading mode whose one agent thread sleeps 1 ms
 *     between duty cycles: IPC data never passes through the driver, which only moves the
 *     publication limit; on 2 cores a spinning driver thread would take a core from the two
 *     processes being measured;</li>
 * <li>a 64 MiB term (a 32 MiB publication window: the stream never waits for the sleeping driver
 *     to move the limit), log buffers not sparse and pre-touched by the clients, so no page is
 *     first touched while measured.</li>
 * </ul>
 */
final class AeronIpcMechanism implements Mechanism {
    private static final String CHANNEL = "aeron:ipc";
    private static final int TO_PEER = 1001;
    private static final int TO_DRIVER = 1002;
    private static final int TERM_LENGTH = 64 << 20;

    @Override
    public String name() {
        return "aeron-ipc";
    }

    @Override
    public String title() {
        return "Aeron IPC (exclusive publication + tryClaim, image poll with fragment limit, busy-spin, embedded SHARED driver)";
    }

    @Override
    public String cReference() {
        return "c-spin";
    }

    @Override
    public String unavailableReason() {
        Module me = AeronIpcMechanism.class.getModule();
        if (!Object.class.getModule().isOpen("jdk.internal.misc", me)) {
            return "Aeron's Agrona needs --add-opens java.base/jdk.internal.misc=" + (me.isNamed() ? me.getName() : "ALL-UNNAMED")
                    + " on this JVM (the ffmipc jar's manifest has it)";
        }
        return null;
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        List<AutoCloseable> res = new ArrayList<>();
        try {
            Path dir = Files.createTempDirectory(Path.of("/dev/shm").toFile().isDirectory() ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir")),
                    "ffmipc-bench-aeron-");
            MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                    .aeronDirectoryName(dir.resolve("driver").toString())
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
                    .ipcTermBufferLength(TERM_LENGTH)
                    .termBufferSparseFile(false)
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true));
            res.add(() -> Files.deleteIfExists(dir));
            res.add(0, driver);
            AeronLink link = AeronLink.connect(driver.aeronDirectoryName(), TO_PEER, TO_DRIVER, res);
            peer.start(List.of(driver.aeronDirectoryName()));
            return link;
        } catch (IOException | RuntimeException e) {
            try {
                Closer.closeAll(res);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof BenchFailure b ? b : new BenchFailure(name() + ": " + e, e);
        }
    }

    @Override
    public Link openPeer(List<String> args) {
        return AeronLink.connect(args.get(0), TO_DRIVER, TO_PEER, new ArrayList<>());
    }

    /** One process's publication and subscription. */
    private static final class AeronLink implements Link {
        /** All of memory: streamed messages are handed to the sink in place, at their address in the log buffer. */
        private static final MemorySegment EVERYWHERE = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

        private final Aeron aeron;
        private final ExclusivePublication publication;
        private final Subscription subscription;
        private final List<AutoCloseable> resources;
        private final BufferClaim claim = new BufferClaim();
        private final UnsafeBuffer sendView = new UnsafeBuffer(0, 0);
        private final UnsafeBuffer receiveView = new UnsafeBuffer(0, 0);
        private final FragmentHandler echo = this::onEcho;
        private final FragmentHandler streamed = this::onStreamed;
        private Image image;
        private int expectedLength;
        private int receivedLength = -1;
        private StreamSink sink;
        private boolean last;

        private AeronLink(Aeron aeron, ExclusivePublication publication, Subscription subscription, List<AutoCloseable> resources) {
            this.aeron = aeron;
            this.publication = publication;
            this.subscription = subscription;
            this.resources = resources;
        }

        static AeronLink connect(String dir, int outStream, int inStream, List<AutoCloseable> resources) {
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(dir).preTouchMappedMemory(true));
            resources.add(0, aeron);
            ExclusivePublication pub = aeron.addExclusivePublication(CHANNEL, outStream);
            Subscription sub = aeron.addSubscription(CHANNEL, inStream);
            return new AeronLink(aeron, pub, sub, resources);
        }

        @Override
        public void send(MemorySegment message, int length) {
            if (sendView.addressOffset() != message.address() || sendView.capacity() != length) {
                sendView.wrap(message.address(), length); // at phase boundaries only
            }
            long result;
            long deadline = 0;
            while (true) {
                result = publication.tryClaim(length, claim);
                if (result > 0) {
                    claim.buffer().putBytes(claim.offset(), sendView, 0, length);
                    claim.commit();
                    return;
                }
                if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                    throw new BenchFailure("aeron tryClaim failed: " + Publication.errorString(result));
                }
                // NOT_CONNECTED until the peer subscribes, BACK_PRESSURED while it catches up
                if (deadline == 0) {
                    deadline = System.nanoTime() + PATIENCE.toNanos();
                } else if (System.nanoTime() - deadline > 0) {
                    throw new BenchFailure("aeron tryClaim: " + Publication.errorString(result) + " for " + Durations.format(PATIENCE));
                }
                Thread.onSpinWait();
            }
        }

        /** The subscription's one image, once the peer's publication has connected. */
        private Image image() {
            Image i = image;
            if (i != null) {
                return i;
            }
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (subscription.imageCount() == 0) {
                if (System.nanoTime() - deadline > 0) {
                    throw new BenchFailure("aeron: the other side's publication did not connect within " + Durations.format(PATIENCE));
                }
                Thread.yield();
            }
            image = subscription.imageAtIndex(0);
            return image;
        }

        /** Polls until at least one fragment was handed over; busy-spins between empty polls. */
        private void pollUntilSome(FragmentHandler handler, int limit) {
            Image i = image();
            if (i.poll(handler, limit) > 0) {
                return;
            }
            long deadline = 0;
            for (int spins = 1; i.poll(handler, limit) == 0; spins++) {
                Thread.onSpinWait();
                if ((spins & 0xfff) == 0) {
                    if (deadline == 0) {
                        deadline = System.nanoTime() + PATIENCE.toNanos();
                    } else if (System.nanoTime() - deadline > 0) {
                        throw new BenchFailure("aeron: no message within " + Durations.format(PATIENCE));
                    }
                }
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            if (receiveView.addressOffset() != into.address() || receiveView.capacity() != length) {
                receiveView.wrap(into.address(), length);
            }
            expectedLength = length;
            receivedLength = -1;
            pollUntilSome(echo, 1);
            if (receivedLength != length) {
                throw new SequenceException("aeron: a message of " + receivedLength + " bytes arrived, expected " + length);
            }
        }

        private void onEcho(DirectBuffer buffer, int offset, int length, Header header) {
            receivedLength = length;
            if (length == expectedLength) {
                buffer.getBytes(offset, receiveView, 0, length);
            }
        }

        @Override
        public boolean receiveBatch(MemorySegment into, int length, StreamSink sink) {
            this.sink = sink;
            this.expectedLength = length;
            this.last = false;
            pollUntilSome(streamed, BATCH);
            return last;
        }

        private void onStreamed(DirectBuffer buffer, int offset, int length, Header header) {
            if (length != expectedLength) {
                throw new SequenceException("aeron: a streamed message of " + length + " bytes arrived, expected " + expectedLength);
            }
            last |= sink.accept(EVERYWHERE, buffer.addressOffset() + offset, length);
        }

        @Override
        public void close() {
            publication.close();
            subscription.close();
            Closer.closeAll(resources);
            assert aeron.isClosed();
        }
    }
}
