package io.ffmipc;

import java.nio.file.Path;
import java.util.List;

/**
 * Starts a child process that inherits chosen handles. The JDK's {@link ProcessBuilder} closes
 * every descriptor but the standard three in the child, so handle inheritance needs the OS's own
 * spawn call; this is it.
 *
 * <pre>{@code
 * ChildLauncher l = platform.launcher(List.of(java, "-cp", cp, "Child"));
 * String token = l.inherit(event);          // pass the token to the child, e.g. as an argument
 * try (ChildProcess c = l.argument(token).start()) { ... }
 * // in the child: platform.inheritedEvent(token, EventMode.COUNTER)
 * }</pre>
 */
public interface ChildLauncher {

    /** Hands this handle to the child; returns the token by which the child finds it. */
    String inherit(Inheritable handle);

    /** Appends an argument to the command. */
    ChildLauncher argument(String argument);

    /** Appends arguments to the command. */
    default ChildLauncher arguments(List<String> arguments) {
        arguments.forEach(this::argument);
        return this;
    }

    /** Sends the child's standard output to this file (default: discarded). */
    ChildLauncher stdout(Path file);

    /** Sends the child's standard error to this file (default: discarded). */
    ChildLauncher stderr(Path file);

    /** Starts the child. */
    ChildProcess start();
}
