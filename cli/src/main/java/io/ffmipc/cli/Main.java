package io.ffmipc.cli;

import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code ffmipc} command. Exit codes: see {@link ExitCodes}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command line with these streams; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = commandLine(out, err);
        OpenAccess.acceptForeignOwner(false); // each command line says so itself
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** The command tree writing to these streams, with the project's exit codes and error lines. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new FfmipcCommand(out));
        // Everything printed as text is escaped for the terminal (TerminalText); data goes raw to binaryOut.
        cl.setOut(new PrintWriter(TerminalText.escaping(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true));
        cl.setErr(new PrintWriter(TerminalText.escaping(new OutputStreamWriter(err, StandardCharsets.UTF_8)), true));
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("ffmipc: " + ErrorLine.of(ex));
            return ExitCodes.ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter e = cmd.getErr();
            e.println("ffmipc: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cl;
    }
}
