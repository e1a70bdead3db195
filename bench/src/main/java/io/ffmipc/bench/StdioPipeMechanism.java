package io.ffmipc.bench;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * A pair of anonymous pipes: the peer's standard input and output as the JDK's
 * {@link ProcessBuilder} sets them up. One write and one read system call per message.
 */
final class StdioPipeMechanism implements Mechanism {

    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public String title() {
        return "anonymous pipes (the peer's stdin/stdout, JDK ProcessBuilder)";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        Process p = peer.startWithStdio(List.of());
        return new StreamLink(p.getInputStream(), p.getOutputStream());
    }

    @Override
    public Link openPeer(List<String> args) {
        return new StreamLink(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    }

    /** Byte streams framed by the fixed message lengths; every send is flushed. */
    private static final class StreamLink implements Link {
        private final InputStream in;
        private final OutputStream out;
        private final byte[] bytes = new byte[Messages.MAX_LENGTH];

        StreamLink(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public void send(MemorySegment message, int length) {
            MemorySegment.copy(message, ValueLayout.JAVA_BYTE, 0, bytes, 0, length);
            try {
                out.write(bytes, 0, length);
                out.flush();
            } catch (IOException e) {
                throw new BenchFailure("pipe write: " + e, e);
            }
        }

        @Override
        public void receive(MemorySegment into, int length) {
            try {
                int got = in.readNBytes(bytes, 0, length);
                if (got != length) {
                    throw new BenchFailure("pipe: the other side closed it after " + got + " of " + length + " bytes");
                }
            } catch (IOException e) {
                throw new BenchFailure("pipe read: " + e, e);
            }
            MemorySegment.copy(bytes, 0, into, ValueLayout.JAVA_BYTE, 0, length);
        }

        @Override
        public void close() {
            try {
                out.close();
                in.close();
            } catch (IOException e) {
                throw new BenchFailure("pipe close: " + e, e);
            }
        }
    }
}
