package io.ffmipc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The root command: {@code ffmipc <command>}. */
@Command(name = "ffmipc", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Native inter-process communication through Java's FFM API: show what this OS offers, "
                + "tour it between two processes, and manage IPC objects.",
        subcommands = {MatrixCommand.class, TourCommand.class, TourPeerCommand.class, LsCommand.class,
                RmCommand.class, ShmCommand.class, SemCommand.class, EventCommand.class,
                MqCommand.class, MsgCommand.class, PipeCommand.class,
                MutexCommand.class, BarrierCommand.class, RwLockCommand.class, BenchCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  error (one line on stderr says why)", "  2  usage error", "  3  timeout"})
final class FfmipcCommand implements Runnable {
    /** Where commands that print raw bytes ({@code shm read}, a received message) write them, unescaped. */
    final PrintStream binaryOut;

    @Spec
    CommandSpec spec;

    @Option(names = "--accept-foreign-owner", scope = ScopeType.INHERIT,
            description = "Use existing objects even when another user owns them (by default they are refused:"
                    + " another user may have created the name first).")
    void acceptForeignOwner(boolean accept) {
        OpenAccess.acceptForeignOwner(accept);
    }

    FfmipcCommand(PrintStream binaryOut) {
        this.binaryOut = binaryOut;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (matrix, tour, ls, rm, shm, sem, event, mq, msg, pipe, mutex, bench)");
    }

    /**
     * Prints {@code prefix}, then {@code data} exactly as received, then a line feed, on standard
     * output: a received message is data, so it is not escaped the way names and messages are
     * ({@link TerminalText}).
     */
    static void printData(CommandSpec spec, String prefix, byte[] data) {
        spec.commandLine().getOut().flush();
        PrintStream raw = root(spec).binaryOut;
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        raw.write(head, 0, head.length);
        raw.write(data, 0, data.length);
        raw.write('\n');
        raw.flush();
    }

    /** The root of the command that {@code spec} belongs to. */
    static FfmipcCommand root(CommandSpec spec) {
        return (FfmipcCommand) spec.root().userObject();
    }
}
