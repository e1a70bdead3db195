package io.ffmipc.cli;

import io.ffmipc.Ipc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ffmipc event demo}. Events are unnamed (an eventfd on Linux): no other command could find
 * one, so the only thing to do from a shell is to hand one to a child and ping-pong.
 */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = "Events are unnamed and reach another process only by inheritance; 'event demo' hands two to a child and ping-pongs.",
        subcommands = EventCommand.Demo.class)
final class EventCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: demo");
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Start a child that inherits two events and ping-pong with it.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "1000", description = "Measured round trips (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--timeout", defaultValue = "10s", converter = Converters.DurationConverter.class,
                description = "How long either process waits for the other (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Tour tour = new Tour(Ipc.platform(), new TourSettings(rounds, Math.min(rounds, 200), timeout),
                    "ffmipc-event-" + ProcessHandle.current().pid(), 0x7f200000, spec.commandLine().getOut());
            return tour.run("ffmipc event demo", List.of(new EventStep()), false);
        }
    }
}
