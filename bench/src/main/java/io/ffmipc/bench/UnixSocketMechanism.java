package io.ffmipc.bench;

import io.ffmipc.spi.Durations;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The JDK's own Unix domain stream sockets ({@code java.nio} {@link SocketChannel}, blocking): the peer users would otherwise pick. */
final class UnixSocketMechanism implements Mechanism {

    @Override
    public String name() {
        return "jdk-uds";
    }

    @Override
    public String title() {
        return "JDK Unix domain socket (java.nio SocketChannel, blocking)";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ffmipc-bench-uds");
            Path path = dir.resolve("s");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(path));
                server.configureBlocking(false);
                peer.start(List.of(path.toString()));
                long deadline = System.nanoTime() + Link.PATIENCE.toNanos();
                SocketChannel ch;
                while ((ch = server.accept()) == null) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new BenchFailure(name() + ": the peer did not connect within " + Durations.format(Link.PATIENCE));
                    }
                    Thread.sleep(1);
                }
                ch.configureBlocking(true);
                return new SocketLink(ch, path, dir);
            }
        } catch (IOException e) {
            throw new BenchFailure(name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure(name() + ": interrupted", e);
        }
    }

    @Override
    public Link openPeer(List<String> args) {
        try {
            return new SocketLink(SocketChannel.open(UnixDomainSocketAddress.of(args.get(0))), null, null);
        } catch (IOException e) {
            throw new BenchFailure(name() + ": cannot connect to " + args.get(0) + ": " + e, e);
        }
    }

    /** Blocking reads and writes through one direct buffer; the stream is framed by the fixed lengths. */
    private static final class SocketLink implements Link {
        private final SocketChannel channel;
        private final Path path;
        private final Path dir;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(Messages.MAX_LENGTH);
        private final MemorySegment bytes = MemorySegment.ofBuffer(buffer);

        SocketLink(SocketChannel channel, Path path, Path dir) {
            this.channel = channel;
            this.path = path;
            this.dir = dir;
        }

        @Override
        public void send(MemorySegment message, int length) {
            MemorySegment.copy(message, 0, bytes, 0, length);
            buffer.clear().limit(length);
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new BenchFailure("unix socket write: " + e, e);
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            buffer.clear().limit(length);
            try {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw new BenchFailure("unix socket: the other side closed the connection");
                    }
                }
            } catch (IOException e) {
                throw new BenchFailure("unix socket read: " + e, e);
            }
            MemorySegment.copy(bytes, 0, into, 0, length);
        }

        @Override
        public void close() {
            try {
                channel.close();
                if (path != null) {
                    Files.deleteIfExists(path);
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                throw new BenchFailure("unix socket close: " + e, e);
            }
        }
    }
}
