package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.util.List;

import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.OpenMode;
import io.ffmipc.spi.Durations;
import io.ffmipc.Ipc;
import io.ffmipc.SystemV;

/** The library's System V message queue: one queue, message type 1 to the peer, type 2 to the driver. */
final class SysVMsgMechanism implements Mechanism {
    private static final long TO_PEER = 1;
    private static final long TO_DRIVER = 2;

    @Override
    public String name() {
        return "sysv-msg";
    }

    @Override
    public String title() {
        return "System V message queue (msgsnd / msgrcv), one type per direction";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        SystemV.MessageQueue q = create();
        try {
            peer.start(List.of(Integer.toString(q.key())));
        } catch (RuntimeException e) {
            q.remove();
            q.close();
            throw e;
        }
        return new MsgLink(q, TO_PEER, TO_DRIVER, true);
    }

    private static SystemV.MessageQueue create() {
        for (int attempt = 0; ; attempt++) {
            try {
                return Ipc.platform().systemV().orElseThrow().messageQueue(BenchNames.sysVKey(), OpenMode.CREATE);
            } catch (IpcObjectExistsException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Link openPeer(List<String> args) {
        return new MsgLink(Ipc.platform().systemV().orElseThrow().messageQueue(Integer.parseInt(args.get(0)), OpenMode.OPEN), TO_DRIVER, TO_PEER, false);
    }

    private static final class MsgLink implements Link {
        private final SystemV.MessageQueue queue;
        private final long sendType;
        private final SystemV.MessageQueue.Selector receiveType;
        private final boolean owner;
        private final ExactView view = new ExactView();

        MsgLink(SystemV.MessageQueue queue, long sendType, long receiveType, boolean owner) {
            this.queue = queue;
            this.sendType = sendType;
            this.receiveType = SystemV.MessageQueue.Selector.exactly(receiveType);
            this.owner = owner;
        }

        @Override
        public void send(MemorySegment message, int length) {
            if (!queue.send(sendType, view.of(message, length), PATIENCE)) {
                throw new BenchFailure("System V queue key 0x" + Integer.toHexString(queue.key()) + ": full for " + Durations.format(PATIENCE));
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            long got = queue.receive(into, receiveType, false, null, PATIENCE);
            if (got < 0) {
                throw new BenchFailure("System V queue key 0x" + Integer.toHexString(queue.key()) + ": no message within " + Durations.format(PATIENCE));
            }
            if (got != length) {
                throw new SequenceException("System V queue: a message of " + got + " bytes arrived, expected " + length);
            }
        }

        @Override
        public void close() {
            if (owner) {
                queue.remove();
            }
            queue.close();
        }
    }
}
