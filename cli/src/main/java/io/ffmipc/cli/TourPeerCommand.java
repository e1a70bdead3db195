package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** The tour's second process: runs its side of each step it is given ({@code id=argument}), in order. */
@Command(name = "tour-peer", hidden = true, description = "The second process of 'ffmipc tour' (not for direct use).")
final class TourPeerCommand implements Callable<Integer> {

    @Option(names = "--rounds", required = true)
    int rounds;

    @Option(names = "--warmup", required = true)
    int warmup;

    @Option(names = "--timeout", required = true, converter = Converters.DurationConverter.class)
    Duration timeout;

    @Parameters(paramLabel = "STEP=ARGUMENT")
    List<String> steps = List.of();

    @Override
    public Integer call() {
        TourSettings settings = new TourSettings(rounds, warmup, timeout);
        IpcPlatform platform = Ipc.platform();
        for (String s : steps) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("a tour step is given as id=argument, got '" + s + "'");
            }
            TourSteps.byId(s.substring(0, eq)).peer(platform, s.substring(eq + 1), settings);
        }
        return ExitCodes.OK;
    }
}
