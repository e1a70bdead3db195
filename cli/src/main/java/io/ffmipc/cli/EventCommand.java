package io.ffmipc.cli;

import io.ffmipc.ObjectKind;
import io.ffmipc.EventKind;
import io.ffmipc.Ipc;
import io.ffmipc.NamedEvent;
import io.ffmipc.OpenMode;
import io.ffmipc.spi.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ffmipc event create|set|reset|wait|rm NAME} for named events (shared memory + futex on
 * Linux), and {@code ffmipc event demo} for the unnamed, inherited kind (an eventfd on Linux),
 * which no other command could find: the demo hands two to a child and ping-pongs.
 */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = {"Named events: create, set, reset, wait for and remove them by NAME.",
                "Unnamed events reach another process only by inheritance; 'event demo' hands two to a child and ping-pongs."},
        subcommands = {EventCommand.Create.class, EventCommand.Set.class, EventCommand.Reset.class,
                EventCommand.Wait.class, EventCommand.Remove.class, EventCommand.Demo.class})
final class EventCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, set, reset, wait, rm or demo");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a named event, reset (fails if it exists).")
    static final class Create implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--kind", defaultValue = "auto", converter = KindConverter.class,
                description = "auto (one set releases one waiter) or manual (stays set until reset); default ${DEFAULT-VALUE}.")
        EventKind kind;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Ipc.platform().event(name, OpenMode.CREATE, kind).close();
            spec.commandLine().getOut().println("created event '" + name + "' (" + kind + "), reset");
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set a named event.")
    static final class Set implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (NamedEvent e = Ipc.platform().event(name, OpenMode.OPEN, null, OpenAccess.permissions())) {
                e.set();
                spec.commandLine().getOut().println("set event '" + name + "' (" + e.kind() + ")");
            }
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Reset a named event.")
    static final class Reset implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (NamedEvent e = Ipc.platform().event(name, OpenMode.OPEN, null, OpenAccess.permissions())) {
                e.reset();
                spec.commandLine().getOut().println("reset event '" + name + "'");
            }
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
            description = "Wait at most --timeout for a named event to be set (exit 3 on timeout); an auto-reset event is taken.")
    static final class Wait implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--timeout", defaultValue = "5s", converter = Converters.DurationConverter.class,
                description = "Longest wait, such as 500ms, 5s or 2m (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (NamedEvent e = Ipc.platform().event(name, OpenMode.OPEN, null, OpenAccess.permissions())) {
                if (!e.await(timeout)) {
                    return ExitCodes.timedOut(spec, "event '" + name + "' was not set within " + Durations.format(timeout));
                }
                spec.commandLine().getOut().println("event '" + name + "' is set");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a named event.")
    static final class Remove extends RemoveByName {
        @Override
        ObjectKind kind() {
            return ObjectKind.EVENT;
        }
    }

    /** {@code auto} / {@code manual} (or the enum names). */
    static final class KindConverter implements CommandLine.ITypeConverter<EventKind> {
        @Override
        public EventKind convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "auto", "auto_reset", "auto-reset" -> EventKind.AUTO_RESET;
                case "manual", "manual_reset", "manual-reset" -> EventKind.MANUAL_RESET;
                default -> throw new CommandLine.TypeConversionException("event kind must be 'auto' or 'manual', got '"
                        + value + "'");
            };
        }
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
