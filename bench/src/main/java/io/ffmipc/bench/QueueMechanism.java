package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.ffmipc.Ipc;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.spi.Durations;

/**
 * A {@link MessageQueue} per direction: the library's POSIX message queues ({@code mq_timedsend} /
 * {@code mq_timedreceive}) or its portable shared-memory queue (the ring of the channel format,
 * parking on the wait seam: what Windows and macOS offer as their message queue).
 */
final class QueueMechanism implements Mechanism {
    private static final MessageQueueOptions OPTIONS = MessageQueueOptions.defaults().withMaxMessageSize(Messages.MAX_LENGTH);

    /** How a queue of this kind is opened and removed. */
    private record Kind(BiFunction<String, OpenMode, MessageQueue> opener, Consumer<String> remover) {
        MessageQueue open(String name, OpenMode mode) {
            return opener.apply(name, mode);
        }

        void remove(String name) {
            remover.accept(name);
        }
    }

    private final String name;
    private final String title;
    private final Kind kind;

    private QueueMechanism(String name, String title, Kind kind) {
        this.name = name;
        this.title = title;
        this.kind = kind;
    }

    static QueueMechanism posix() {
        return new QueueMechanism("posix-mq", "POSIX message queue (mq_timedsend / mq_timedreceive), one per direction",
                new Kind((n, mode) -> Ipc.platform().messageQueue(n, mode, OPTIONS), n -> Ipc.platform().removeMessageQueue(n)));
    }

    static QueueMechanism sharedMemory() {
        return new QueueMechanism("shm-mq", "the library's portable shared-memory message queue (MPSC ring, parks on"
                + " futex), one per direction", new Kind((n, mode) -> Ipc.platform().sharedMemoryMessageQueue(n, mode, OPTIONS),
                n -> Ipc.platform().removeSharedMemoryMessageQueue(n)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        String toPeer = BenchNames.unique("mq");
        String toDriver = BenchNames.unique("mq");
        MessageQueue out = kind.open(toPeer, OpenMode.CREATE);
        MessageQueue in = null;
        try {
            in = kind.open(toDriver, OpenMode.CREATE);
            QueueLink link = new QueueLink(out, in, () -> {
                kind.remove(toPeer);
                kind.remove(toDriver);
            });
            peer.start(List.of(toPeer, toDriver));
            return link;
        } catch (RuntimeException e) {
            out.close();
            if (in != null) {
                in.close();
            }
            kind.remove(toPeer);
            kind.remove(toDriver);
            throw e;
        }
    }

    @Override
    public Link openPeer(List<String> args) {
        MessageQueue in = kind.open(args.get(0), OpenMode.OPEN);
        MessageQueue out = kind.open(args.get(1), OpenMode.OPEN);
        return new QueueLink(out, in, () -> { });
    }

    private static final class QueueLink implements Link {
        private final MessageQueue out;
        private final MessageQueue in;
        private final Runnable cleanup;
        private final ExactView view = new ExactView();

        QueueLink(MessageQueue out, MessageQueue in, Runnable cleanup) {
            this.out = out;
            this.in = in;
            this.cleanup = cleanup;
        }

        @Override
        public void send(MemorySegment message, int length) {
            if (!out.send(view.of(message, length), 0, PATIENCE)) {
                throw new BenchFailure(out.name() + ": full for " + Durations.format(PATIENCE));
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            long got = in.receive(into, PATIENCE);
            if (got < 0) {
                throw new BenchFailure(in.name() + ": no message within " + Durations.format(PATIENCE));
            }
            if (got != length) {
                throw new SequenceException(in.name() + ": a message of " + got + " bytes arrived, expected " + length);
            }
        }

        @Override
        public void close() {
            try {
                Closer.closeAll(List.of(out, in));
            } finally {
                cleanup.run();
            }
        }
    }
}
