package io.ffmipc.core;

import io.ffmipc.IpcNames;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.PeerClosedException;
import io.ffmipc.PeerIdentity;
import io.ffmipc.Permissions;
import io.ffmipc.spi.MessagePipeSeam;
import io.ffmipc.spi.NativeMessagePipe;
import io.ffmipc.spi.NativePipeListener;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link MessagePipeServer} on any OS, over a {@link NativePipeListener} that accepts one
 * connection per attempt. Each accepted client's identity, as the OS vouches for it, goes through
 * the admission predicate; the client is answered {@link PipeFrames#ACCEPTED} or
 * {@link PipeFrames#REFUSED} with the reason (and then dropped), and the server keeps waiting for
 * the next within the caller's timeout.
 */
public final class SeamPipeServer implements MessagePipeServer {
    private final NativePipeListener listener;
    private final Predicate<PeerIdentity> admit;
    private final CloseGuard guard;

    private SeamPipeServer(NativePipeListener listener, Predicate<PeerIdentity> admit) {
        this.listener = listener;
        this.admit = admit;
        this.guard = new CloseGuard("message pipe server", listener.name());
    }

    /**
     * A server under a portable name in the OS's pipe namespace. Where such a name is a file it is
     * owner-only; where it is none (Linux's abstract sockets) {@code admit} is what keeps others out.
     */
    public static MessagePipeServer listen(MessagePipeSeam seam, String name, Predicate<PeerIdentity> admit) {
        IpcNames.validate(name);
        requireAdmission(admit);
        return new SeamPipeServer(seam.listen(name, Permissions.OWNER_ONLY), admit);
    }

    /** A server at a socket file created with exactly {@code permissions}. */
    public static MessagePipeServer listen(MessagePipeSeam seam, Path socketPath, Permissions permissions,
                                           Predicate<PeerIdentity> admit) {
        Objects.requireNonNull(permissions, "permissions");
        requireAdmission(admit);
        return new SeamPipeServer(seam.listen(socketPath, permissions), admit);
    }

    private static void requireAdmission(Predicate<PeerIdentity> admit) {
        Objects.requireNonNull(admit, "admit (the admission check) is required");
    }

    @Override
    public String name() {
        return listener.name();
    }

    @Override
    public Optional<MessagePipe> accept(Duration timeout) {
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        String label = listener.name();
        guard.enter();
        try {
            while (true) {
                WaitSlices.checkInterrupt("accept", label);
                guard.checkOpen();
                NativeMessagePipe client = listener.accept(WaitSlices.next(deadline));
                if (client != null) {
                    SeamMessagePipe pipe = admitOrRefuse(client);
                    if (pipe != null) {
                        return Optional.of(pipe);
                    }
                    continue;
                }
                if (Deadline.expired(deadline)) {
                    return Optional.empty();
                }
            }
        } finally {
            guard.exit();
        }
    }

    /** The pipe if the client is admitted (and told so); null if it was refused (and told why). */
    private SeamMessagePipe admitOrRefuse(NativeMessagePipe client) {
        SeamMessagePipe pipe = new SeamMessagePipe(client, listener.name());
        try {
            if (admit.test(pipe.peer())) {
                pipe.answer(PipeFrames.ACCEPTED, null);
                return pipe;
            }
            pipe.answer(PipeFrames.REFUSED, PipeFrames.refusal(listener.name(), pipe.peer()));
            pipe.close();
            return null;
        } catch (PeerClosedException gaveUp) {
            pipe.close(); // the client left before it was answered: wait for the next one
            return null;
        } catch (RuntimeException e) {
            pipe.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            listener.close();
        }
    }

    @Override
    public String toString() {
        return "MessagePipeServer[" + listener.name() + (guard.isClosed() ? ", closed]" : "]");
    }
}
