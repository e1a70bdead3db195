package io.ffmipc.contract;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;

/**
 * The child of {@link LauncherContract}, started through the library's launcher (not the JDK's).
 * Args: {@code exit CODE} exits with CODE; {@code sleep} sleeps a minute; {@code print} writes a line
 * to stdout and one to stderr; {@code signal TOKEN} signals the event it inherited under TOKEN three
 * times.
 */
public final class LauncherChild {
    private LauncherChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "sleep" -> Thread.sleep(60_000);
            case "print" -> {
                System.out.println("to stdout");
                System.err.println("to stderr");
            }
            case "signal" -> {
                try (Event e = Ipc.platform().inheritedEvent(args[1], EventMode.COUNTER)) {
                    e.signal(3);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }
}
