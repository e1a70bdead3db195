package io.ffmipc.cli;

import java.time.Duration;
import java.util.function.Predicate;

/** One direction of a ping-pong: one process signals, the other waits. */
interface Signal {
    void signal();

    /** Waits at most {@code timeout} for one signal; {@code false} on timeout. */
    boolean await(Duration timeout);

    /**
     * A signal from a primitive's own two calls, e.g. {@code Signal.of(event::set, event::await)};
     * both are bound once, so the ping-pong loop allocates nothing.
     */
    static Signal of(Runnable signal, Predicate<Duration> await) {
        return new Signal() {
            @Override
            public void signal() {
                signal.run();
            }

            @Override
            public boolean await(Duration timeout) {
                return await.test(timeout);
            }
        };
    }
}
