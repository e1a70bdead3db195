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
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Aeron IPC, the best-known Java shared-memory transport: an embedded media driver in the driver
 * JVM (SHARED threading: one agent thread, which suits 2 cores), one exclusive {@code aeron:ipc}
 * publication per direction, both sides polling their subscription in a busy loop.
 */
final class AeronIpcMechanism implements Mechanism {
    private static final String CHANNEL = "aeron:ipc";
    private static final int TO_PEER = 1001;
    private static final int TO_DRIVER = 1002;
    private static final int TERM_LENGTH = 16 << 20;

    @Override
    public String name() {
        return "aeron-ipc";
    }

    @Override
    public String title() {
        return "Aeron IPC (exclusive publication, busy-poll, embedded SHARED driver)";
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
                    .ipcTermBufferLength(TERM_LENGTH)
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

    /** One process's publication and subscription; the fragment handler copies into the waiting buffer. */
    private static final class AeronLink implements Link, FragmentHandler {
        private final Aeron aeron;
        private final ExclusivePublication publication;
        private final Subscription subscription;
        private final List<AutoCloseable> resources;
        private final UnsafeBuffer sendView = new UnsafeBuffer(0, 0);
        private final UnsafeBuffer receiveView = new UnsafeBuffer(0, 0);
        private int expectedLength;
        private int receivedLength = -1;

        private AeronLink(Aeron aeron, ExclusivePublication publication, Subscription subscription, List<AutoCloseable> resources) {
            this.aeron = aeron;
            this.publication = publication;
            this.subscription = subscription;
            this.resources = resources;
        }

        static AeronLink connect(String dir, int outStream, int inStream, List<AutoCloseable> resources) {
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(dir));
            resources.add(0, aeron);
            ExclusivePublication pub = aeron.addExclusivePublication(CHANNEL, outStream);
            Subscription sub = aeron.addSubscription(CHANNEL, inStream);
            return new AeronLink(aeron, pub, sub, resources);
        }

        @Override
        public void send(MemorySegment message, int length) {
            sendView.wrap(message.address(), length);
            long result;
            long deadline = 0;
            while ((result = publication.offer(sendView, 0, length)) < 0) {
                if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                    throw new BenchFailure("aeron offer failed: " + Publication.errorString(result));
                }
                // NOT_CONNECTED until the peer subscribes, BACK_PRESSURED while it catches up
                if (deadline == 0) {
                    deadline = System.nanoTime() + PATIENCE.toNanos();
                } else if (System.nanoTime() - deadline > 0) {
                    throw new BenchFailure("aeron offer: " + Publication.errorString(result) + " for " + Durations.format(PATIENCE));
                }
                Thread.onSpinWait();
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            receiveView.wrap(into.address(), length);
            expectedLength = length;
            receivedLength = -1;
            long deadline = 0;
            for (int spins = 1; subscription.poll(this, 1) == 0; spins++) {
                Thread.onSpinWait();
                if ((spins & 0xfff) == 0) {
                    if (deadline == 0) {
                        deadline = System.nanoTime() + PATIENCE.toNanos();
                    } else if (System.nanoTime() - deadline > 0) {
                        throw new BenchFailure("aeron: no message within " + Durations.format(PATIENCE));
                    }
                }
            }
            if (receivedLength != length) {
                throw new SequenceException("aeron: a message of " + receivedLength + " bytes arrived, expected " + length);
            }
        }

        @Override
        public void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
            receivedLength = length;
            if (length == expectedLength) {
                buffer.getBytes(offset, receiveView, 0, length);
            }
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
