package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.util.List;

import io.ffmipc.Ipc;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;

/** The library's POSIX message queues ({@code mq_timedsend} / {@code mq_timedreceive}), one per direction. */
final class PosixMqMechanism implements Mechanism {
    private static final MessageQueueOptions OPTIONS = MessageQueueOptions.defaults().withMaxMessageSize(Messages.MAX_LENGTH);

    @Override
    public String name() {
        return "posix-mq";
    }

    @Override
    public String title() {
        return "POSIX message queue (mq_timedsend / mq_timedreceive), one per direction";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        String toPeer = BenchNames.unique("mq");
        String toDriver = BenchNames.unique("mq");
        MessageQueue out = Ipc.platform().messageQueue(toPeer, OpenMode.CREATE, OPTIONS);
        MessageQueue in = null;
        try {
            in = Ipc.platform().messageQueue(toDriver, OpenMode.CREATE, OPTIONS);
            QueueLink link = new QueueLink(out, in, () -> {
                Ipc.platform().removeMessageQueue(toPeer);
                Ipc.platform().removeMessageQueue(toDriver);
            });
            peer.start(List.of(toPeer, toDriver));
            return link;
        } catch (RuntimeException e) {
            out.close();
            if (in != null) {
                in.close();
            }
            Ipc.platform().removeMessageQueue(toPeer);
            Ipc.platform().removeMessageQueue(toDriver);
            throw e;
        }
    }

    @Override
    public Link openPeer(List<String> args) {
        MessageQueue in = Ipc.platform().messageQueue(args.get(0), OpenMode.OPEN);
        MessageQueue out = Ipc.platform().messageQueue(args.get(1), OpenMode.OPEN);
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
                throw new BenchFailure(out.name() + ": full for " + PATIENCE);
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            long got = in.receive(into, PATIENCE);
            if (got < 0) {
                throw new BenchFailure(in.name() + ": no message within " + PATIENCE);
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
