package io.ffmipc.posix;

import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.NativeMessagePipe;
import io.ffmipc.spi.NativePipeListener;


/** A listening Unix socket of a {@link PosixMessagePipeSeam}; removes its socket file, if it made one, on close. */
final class UnixSocketListener implements NativePipeListener {
    private final PosixMessagePipeSeam seam;
    private final int fd;
    private final UnixAddress address;

    UnixSocketListener(PosixMessagePipeSeam seam, int fd, UnixAddress address) {
        this.seam = seam;
        this.fd = fd;
        this.address = address;
    }

    @Override
    public String name() {
        return address.label();
    }

    @Override
    public NativeMessagePipe accept(long nanos) {
        int client = seam.sockets.accept(fd, address.label());
        if (client == Attempt.WOULD_BLOCK) {
            if (seam.poll.await(fd, seam.poll.in, nanos, address.label()) < 0) {
                return null;
            }
            client = seam.sockets.accept(fd, address.label());
        }
        return client < 0 ? null : seam.connection(client, address.label());
    }

    @Override
    public void close() {
        try {
            new PosixDescriptors(seam.lib).close(fd, address.label());
        } finally {
            seam.removeSocketFile(address);
        }
    }

    @Override
    public String toString() {
        return "UnixSocketListener[" + address.label() + "]";
    }
}
