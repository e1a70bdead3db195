package io.ffmipc.cli;

import io.ffmipc.Ipc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ffmipc tour}: the matrix, then every capability this OS supports, exercised with a second process. */
@Command(name = "tour", mixinStandardHelpOptions = true,
        description = "Print this OS's capability matrix, start a second process and exercise every supported "
                + "capability between the two, with round-trip figures. Every object created is removed at the end.")
final class TourCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "1000", description = "Measured round trips per ping-pong (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "200", description = "Unmeasured round trips first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--timeout", defaultValue = "10s", converter = Converters.DurationConverter.class,
            description = "How long either process waits for the other (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--prefix", hidden = true, description = "Name prefix of the tour's objects (tests use their own).")
    String prefix;

    @Option(names = "--key-base", hidden = true, defaultValue = "0x7f200000", converter = Converters.KeyConverter.class,
            description = "The top 12 bits of the tour's System V keys.")
    int keyBase;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String p = prefix != null ? prefix : "ffmipc-tour-" + ProcessHandle.current().pid();
        Tour tour = new Tour(Ipc.platform(), new TourSettings(rounds, warmup, timeout), p, keyBase, spec.commandLine().getOut());
        return tour.run("ffmipc tour", TourSteps.all(), true);
    }
}
