package io.ffmipc.posix;

import io.ffmipc.PassedHandle;
import io.ffmipc.spi.IpcErrors;

import java.util.concurrent.atomic.AtomicBoolean;

/** A descriptor that arrived through SCM_RIGHTS (close-on-exec); closed by {@link #close()}. */
final class ReceivedDescriptor implements PassedHandle {
    private final PosixDescriptors descriptors;
    private final int fd;
    private final String from;
    private final AtomicBoolean closed = new AtomicBoolean();

    ReceivedDescriptor(PosixDescriptors descriptors, int fd, String from) {
        this.descriptors = descriptors;
        this.fd = fd;
        this.from = from;
    }

    @Override
    public long osHandle() {
        if (closed.get()) {
            throw IpcErrors.closed("received descriptor", fd + " from " + from);
        }
        return fd;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            descriptors.close(fd, "descriptor " + fd + " from " + from);
        }
    }

    @Override
    public String toString() {
        return "ReceivedDescriptor[" + fd + " from " + from + (closed.get() ? ", closed]" : "]");
    }
}
