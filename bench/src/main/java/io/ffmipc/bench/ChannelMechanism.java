package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Locale;

import io.ffmipc.Channel;
import io.ffmipc.ChannelOptions;
import io.ffmipc.Ipc;
import io.ffmipc.MessageHandler;
import io.ffmipc.OpenMode;
import io.ffmipc.WaitStrategy;
import io.ffmipc.spi.Durations;

/** The library's shared-memory {@link Channel} (SPSC, a 4 MiB ring per direction) with one wait strategy on both ends. */
final class ChannelMechanism implements Mechanism {
    private final WaitStrategy strategy;

    ChannelMechanism(WaitStrategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public String name() {
        return switch (strategy) {
            case BUSY_SPIN -> "channel-spin";
            case SPIN_THEN_YIELD -> "channel-yield";
            case SPIN_THEN_PARK -> "channel-spin-park";
            case PARK -> "channel-park";
        };
    }

    @Override
    public String title() {
        return "ffm-ipc Channel, " + strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String cReference() {
        // Spin-then-park spins first: between two awake processes it never parks, so it is held
        // to the spinning C ring; only park mode sleeps on every message, like the C futex peer.
        return strategy == WaitStrategy.PARK ? "c-futex" : "c-spin";
    }

    /**
     * A ring that fits the stream, as Aeron gets a term that does: 4 MiB per direction. On the bench
     * machine the default 256 KiB ring streamed 64 B messages ~25% slower (16.7 against 22.3 M msg/s
     * in one quick run; 1 MiB 20.5 M, 64 MiB 21.8 M), while round trips stayed within the noise.
     */
    private static final int RING_CAPACITY = 4 << 20;

    private ChannelOptions options() {
        return ChannelOptions.defaults().withWaitStrategy(strategy).withCapacity(RING_CAPACITY);
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        String name = BenchNames.unique(name());
        Channel channel = Ipc.platform().channel(name, OpenMode.CREATE, options());
        ChannelLink link = new ChannelLink(channel, name);
        try {
            peer.start(List.of(name));
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        return link;
    }

    @Override
    public Link openPeer(List<String> args) {
        return new ChannelLink(Ipc.platform().channel(args.get(0), OpenMode.OPEN, options()), null);
    }

    /**
     * Sends exact-length views of the harness's buffers with {@code offer}; receives ping-pong
     * echoes with {@code receive} into the harness's buffer and the stream with {@code poll}
     * (zero copy, up to {@link Link#BATCH} per call), waiting with {@code receive} only when a
     * poll found nothing: the channel as its documentation shows it.
     */
    private static final class ChannelLink implements Link, MessageHandler {
        private final Channel channel;
        private final String removeOnClose;
        private final ExactView view = new ExactView();
        private StreamSink sink;
        private int expected;
        private boolean last;

        ChannelLink(Channel channel, String removeOnClose) {
            this.channel = channel;
            this.removeOnClose = removeOnClose;
        }

        @Override
        public boolean receiveBatch(MemorySegment into, int length, StreamSink sink) {
            this.sink = sink;
            this.expected = length;
            this.last = false;
            if (channel.poll(this, BATCH) == 0 && !channel.receive(this, PATIENCE)) {
                throw new BenchFailure(channel.name() + ": no message within " + Durations.format(PATIENCE));
            }
            return last;
        }

        @Override
        public void onMessage(MemorySegment buffer, long offset, int length) {
            if (length != expected) {
                throw new SequenceException(channel.name() + ": a message of " + length + " bytes arrived, expected " + expected);
            }
            last |= sink.accept(buffer, offset, length);
        }

        @Override
        public void send(MemorySegment message, int length) {
            if (!channel.offer(view.of(message, length), PATIENCE)) {
                throw new BenchFailure(channel.name() + ": no room for " + Durations.format(PATIENCE));
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            int got = channel.receive(into, PATIENCE);
            if (got < 0) {
                throw new BenchFailure(channel.name() + ": no message within " + Durations.format(PATIENCE));
            }
            if (got != length) {
                throw new SequenceException(channel.name() + ": a message of " + got + " bytes arrived, expected " + length);
            }
        }

        @Override
        public void close() {
            channel.close();
            if (removeOnClose != null) {
                Ipc.platform().removeChannel(removeOnClose);
            }
        }
    }
}
