package io.ffmipc;

import java.time.Duration;
import java.util.Optional;

/**
 * The listening side of a named message pipe ({@link IpcPlatform#messagePipeServer}). Each
 * {@link #accept} yields one {@link MessagePipe} to one client, after the server's admission
 * check on the client's {@link PeerIdentity}: a refused client's connect fails with
 * {@link IpcAccessDeniedException} naming the reason, and the server keeps waiting for the next.
 */
public interface MessagePipeServer extends AutoCloseable {

    /** The name (or socket path) clients connect to. */
    String name();

    /**
     * Waits at most {@code timeout} for an admitted client; empty if none came in time. Refused
     * clients are answered and dropped while waiting.
     */
    Optional<MessagePipe> accept(Duration timeout);

    /** Stops listening (and removes a socket file it created). Accepted pipes stay open. Safe to call twice. */
    @Override
    void close();
}
