package io.ffmipc.cli;

import io.ffmipc.ObjectKind;
import io.ffmipc.Barrier;
import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.spi.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code ffmipc barrier wait|status|rm NAME}: a process-shared barrier for scripts, so N shell
 * jobs can start a phase together ({@code ffmipc barrier wait go --parties 3 && run-phase}).
 */
@Command(name = "barrier", mixinStandardHelpOptions = true,
        description = "Process-shared barriers: N processes wait until all N have arrived (for scripts: start phases together).",
        subcommands = {BarrierCommand.Wait.class, BarrierCommand.Status.class, BarrierCommand.Remove.class})
final class BarrierCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: wait, status or rm");
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
            description = {"Arrive at the barrier (created for --parties if it does not exist) and wait at most --timeout "
                    + "for the others. Exit 0 when all arrived; 3 on timeout, which breaks the barrier for every party "
                    + "(they fail with exit 1); a broken barrier stays broken until removed."})
    static final class Wait implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--parties", required = true, description = "How many processes meet at the barrier (at least 1).")
        int parties;

        @Option(names = "--timeout", defaultValue = "30s", converter = Converters.DurationConverter.class,
                description = "Longest wait, such as 500ms, 5s or 2m (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (parties < 1) {
                throw new ParameterException(spec.commandLine(), "--parties must be at least 1, got " + parties);
            }
            try (Barrier b = Ipc.platform().barrier(name, OpenMode.OPEN_OR_CREATE, parties)) {
                int index = b.await(timeout);
                if (index < 0) {
                    return ExitCodes.timedOut(spec, "barrier '" + name + "': not every party arrived within "
                            + Durations.format(timeout) + "; the barrier is now broken");
                }
                spec.commandLine().getOut().println("passed barrier '" + name + "' (" + parties + " parties, arrived "
                        + (parties - index) + (parties - index == parties ? ", last" : "") + ")");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Print the barrier's parties and whether it is broken.")
    static final class Status implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--parties", required = true, description = "The barrier's parties (checked: a barrier is opened for its own count).")
        int parties;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Barrier b = Ipc.platform().barrier(name, OpenMode.OPEN, parties, OpenAccess.permissions())) {
                spec.commandLine().getOut().println("barrier '" + name + "': " + b.parties() + " parties, "
                        + (b.isBroken() ? "broken" : "not broken"));
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a barrier.")
    static final class Remove extends RemoveByName {
        @Override
        ObjectKind kind() {
            return ObjectKind.BARRIER;
        }
    }
}
