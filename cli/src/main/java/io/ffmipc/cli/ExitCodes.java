package io.ffmipc.cli;

/** The exit codes of every {@code ffmipc} command. */
final class ExitCodes {
    /** It worked. */
    static final int OK = 0;
    /** It failed; one line on stderr says why. */
    static final int ERROR = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** A wait ran out of time (a result, not an error). */
    static final int TIMEOUT = 3;

    private ExitCodes() {
    }

    /** Reports a wait that ran out of time ("ffmipc: timeout: WHAT" on stderr); returns {@link #TIMEOUT}. */
    static int timedOut(picocli.CommandLine.Model.CommandSpec spec, String what) {
        spec.commandLine().getErr().println("ffmipc: timeout: " + what);
        return TIMEOUT;
    }
}
