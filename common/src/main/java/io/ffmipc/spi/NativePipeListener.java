package io.ffmipc.spi;

/** A listening message-pipe server of a {@link MessagePipeSeam}. */
public interface NativePipeListener {

    /** The name or socket path clients connect to. */
    String name();

    /**
     * Waits at most {@code nanos} for one connection and takes it: the connection with its peer
     * known, or null if none came in time or the attempt ended early (a signal, a client that gave
     * up before it was taken).
     */
    NativeMessagePipe accept(long nanos);

    /** Stops listening (and removes a socket file it created); called once. */
    void close();
}
