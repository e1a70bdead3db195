package io.ffmipc.cli;

import java.time.Duration;

/** One direction of a ping-pong: one process signals, the other waits. */
interface Signal {
    void signal();

    /** Waits at most {@code timeout} for one signal; {@code false} on timeout. */
    boolean await(Duration timeout);
}
