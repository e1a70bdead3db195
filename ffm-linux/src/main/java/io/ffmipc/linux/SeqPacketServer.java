package io.ffmipc.linux;

import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.PeerIdentity;
import io.ffmipc.Permissions;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.PipeFrames;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link MessagePipeServer} on a listening Unix {@code SOCK_SEQPACKET} socket. Each accepted
 * connection's peer credentials (SO_PEERCRED) go through the admission predicate; the client
 * is answered {@link PipeFrames#ACCEPTED} or {@link PipeFrames#REFUSED} with the reason. A socket
 * file is created with exact permissions: fchmod on the socket before bind narrows what bind
 * creates (bind applies the socket inode's mode less the umask), chmod afterwards sets it exactly.
 */
final class SeqPacketServer implements MessagePipeServer {
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int ECONNABORTED = Errno.ECONNABORTED.intValue();
    private static final int BACKLOG = 64;

    private final int fd;
    private final UnixAddress address;
    private final Predicate<PeerIdentity> admit;
    private final CloseGuard guard;

    private SeqPacketServer(int fd, UnixAddress address, Predicate<PeerIdentity> admit) {
        this.fd = fd;
        this.address = address;
        this.admit = admit;
        this.guard = new CloseGuard("message pipe server", address.label());
    }

    static SeqPacketServer listen(UnixAddress address, Permissions permissions, Predicate<PeerIdentity> admit) {
        Objects.requireNonNull(admit, "admit (the admission check) is required");
        String label = address.label();
        int fd = UnixSockets.seqPacketSocket(label);
        boolean bound = false;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            if (address.path() != null && LibC.INSTANCE.fchmod(st, fd, permissions.mode()) != 0) {
                throw Errno.exception("fchmod", label, LibC.INSTANCE.errno(st), "setting mode " + permissions + " on the socket");
            }
            if (LibC.INSTANCE.bind(st, fd, address.allocate(a), address.length()) != 0) {
                int err = LibC.INSTANCE.errno(st);
                throw Errno.exception("bind", label, err, err != Errno.EADDRINUSE.intValue() ? null
                        : address.path() == null ? "another server has this name"
                        : "the socket file exists (if no server uses it any more, remove it)");
            }
            bound = true;
            if (address.path() != null && LibC.INSTANCE.chmod(st, a.allocateFrom(label), permissions.mode()) != 0) {
                throw Errno.exception("chmod", label, LibC.INSTANCE.errno(st), "setting mode " + permissions);
            }
            if (LibC.INSTANCE.listen(st, fd, BACKLOG) != 0) {
                throw Errno.exception("listen", label, LibC.INSTANCE.errno(st));
            }
            return new SeqPacketServer(fd, address, admit);
        } catch (RuntimeException e) {
            Descriptors.closeQuietly(fd);
            if (bound) {
                removeSocketFile(address);
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return address.label();
    }

    @Override
    public Optional<MessagePipe> accept(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        String label = address.label();
        guard.enter();
        try {
            MemorySegment st = NativeBinder.callState();
            while (true) {
                int client = LibC.INSTANCE.accept4(st, fd, MemorySegment.NULL, MemorySegment.NULL,
                        LibC.SOCK_NONBLOCK.intValue() | LibC.SOCK_CLOEXEC.intValue());
                if (client >= 0) {
                    SeqPacketPipe pipe = admitOrRefuse(client);
                    if (pipe != null) {
                        return Optional.of(pipe);
                    }
                    continue;
                }
                int err = LibC.INSTANCE.errno(st);
                if (err == EAGAIN) {
                    if (deadline.expired()) {
                        return Optional.empty();
                    }
                    DescriptorWait.slice(fd, DescriptorWait.POLLIN, deadline, guard, "accept", label);
                } else if (err != EINTR && err != ECONNABORTED) {
                    throw Errno.exception("accept4", label, err);
                }
            }
        } finally {
            guard.exit();
        }
    }

    /** The pipe if the client is admitted (and told so); null if it was refused (and told why). */
    private SeqPacketPipe admitOrRefuse(int client) {
        SeqPacketPipe pipe = new SeqPacketPipe(client, address.label());
        try {
            if (admit.test(pipe.peer())) {
                pipe.answer(PipeFrames.ACCEPTED, null);
                return pipe;
            }
            pipe.answer(PipeFrames.REFUSED, PipeFrames.refusal(address.label(), pipe.peer()));
            pipe.close();
            return null;
        } catch (io.ffmipc.PeerClosedException gaveUp) {
            pipe.close(); // the client left before it was answered: wait for the next one
            return null;
        } catch (RuntimeException e) {
            pipe.close();
            throw e;
        }
    }

    private static void removeSocketFile(UnixAddress address) {
        if (address.path() != null) {
            try (Arena a = Arena.ofConfined()) {
                LibC.INSTANCE.unlink(NativeBinder.callState(), a.allocateFrom(address.label()));
            }
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            try {
                Descriptors.close(fd, address.label());
            } finally {
                removeSocketFile(address);
            }
        }
    }

    @Override
    public String toString() {
        return "SeqPacketServer[" + address.label() + (guard.isClosed() ? ", closed]" : "]");
    }
}
