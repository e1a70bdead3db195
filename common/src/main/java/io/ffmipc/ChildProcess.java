package io.ffmipc;

import java.time.Duration;
import java.util.OptionalInt;

/** A child started by a {@link ChildLauncher}. Closing it kills the child if it still runs and reaps it. */
public interface ChildProcess extends AutoCloseable {

    /** The child's process id. */
    long pid();

    /** Waits at most {@code timeout}; the exit code (128+signal if killed), or empty if it still runs. */
    OptionalInt waitFor(Duration timeout);

    /** Kills the child (SIGKILL / TerminateProcess). */
    void kill();

    @Override
    void close();
}
