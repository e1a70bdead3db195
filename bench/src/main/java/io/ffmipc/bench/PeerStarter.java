package io.ffmipc.bench;

import java.util.List;

import io.ffmipc.Inheritable;

/** Starts the second JVM for a {@link Mechanism}; each round starts one peer. */
public interface PeerStarter {

    /**
     * Starts the peer through the library's launcher. The peer gets {@code args}, then one token
     * per inherited handle, in order.
     */
    void start(List<String> args, Inheritable... inherited);

    /** Starts the peer through the JDK with its standard input and output piped to this process. */
    Process startWithStdio(List<String> args);
}
