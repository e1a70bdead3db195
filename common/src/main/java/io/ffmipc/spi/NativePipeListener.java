package io.ffmipc.spi;

/** A listening message-pipe server of a {@link MessagePipeSeam}. */
public interface NativePipeListener {

    /** The name or socket path clients connect to. */
    String name();

    /** Waits at most {@code nanos} for one connection: it, or null if none came (or a signal ended the wait). */
    NativeMessagePipe accept(long nanos);

    /** Stops listening (and removes a socket file it created); called once. */
    void close();
}
