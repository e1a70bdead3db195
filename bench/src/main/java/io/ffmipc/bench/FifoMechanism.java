package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.StreamPipe;
import io.ffmipc.spi.Durations;

/** The library's named byte-stream pipes (FIFOs), one per direction. */
final class FifoMechanism implements Mechanism {

    @Override
    public String name() {
        return "fifo";
    }

    @Override
    public String title() {
        return "ffm-ipc stream pipe (FIFO), one per direction";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        IpcPlatform p = Ipc.platform();
        String toPeer = BenchNames.unique("fifo");
        String toDriver = BenchNames.unique("fifo");
        p.createStreamPipe(toPeer);
        try {
            p.createStreamPipe(toDriver);
            peer.start(List.of(toPeer, toDriver));
            // the peer opens its read end first, so this write end finds a reader
            StreamPipe out = p.openStreamPipe(toPeer, StreamPipe.End.WRITE, Link.PATIENCE);
            StreamPipe in = p.openStreamPipe(toDriver, StreamPipe.End.READ, Link.PATIENCE);
            return new PipeLink(out, in, () -> {
                p.removeStreamPipe(toPeer);
                p.removeStreamPipe(toDriver);
            });
        } catch (RuntimeException e) {
            p.removeStreamPipe(toPeer);
            p.removeStreamPipe(toDriver);
            throw e;
        }
    }

    @Override
    public Link openPeer(List<String> args) {
        IpcPlatform p = Ipc.platform();
        StreamPipe in = p.openStreamPipe(args.get(0), StreamPipe.End.READ, Link.PATIENCE);
        StreamPipe out = p.openStreamPipe(args.get(1), StreamPipe.End.WRITE, Link.PATIENCE);
        return new PipeLink(out, in, () -> { });
    }

    /** Streams framed by the fixed message lengths, through one byte array. */
    private static final class PipeLink implements Link {
        private final StreamPipe out;
        private final StreamPipe in;
        private final Runnable cleanup;
        private final byte[] bytes = new byte[Messages.MAX_LENGTH];

        PipeLink(StreamPipe out, StreamPipe in, Runnable cleanup) {
            this.out = out;
            this.in = in;
            this.cleanup = cleanup;
        }

        @Override
        public void send(MemorySegment message, int length) {
            MemorySegment.copy(message, ValueLayout.JAVA_BYTE, 0, bytes, 0, length);
            if (out.write(bytes, 0, length, PATIENCE) != length) {
                throw new BenchFailure(out.name() + ": the reader took nothing for " + Durations.format(PATIENCE));
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            int got = 0;
            while (got < length) {
                int n = in.read(bytes, got, length - got, PATIENCE);
                if (n < 0) {
                    throw new BenchFailure(in.name() + ": the writer closed the pipe after " + got + " of " + length + " bytes");
                }
                if (n == 0) {
                    throw new BenchFailure(in.name() + ": no bytes within " + Durations.format(PATIENCE));
                }
                got += n;
            }
            MemorySegment.copy(bytes, 0, into, ValueLayout.JAVA_BYTE, 0, length);
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
