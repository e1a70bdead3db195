package io.ffmipc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.ffmipc.TextTable;
import io.ffmipc.bench.Bench;
import io.ffmipc.bench.BenchReport;
import io.ffmipc.bench.Plan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ffmipc bench}: the two-process benchmark of every mechanism against the JDK's sockets,
 * a pipe, Aeron IPC and C peers. Progress goes to stderr, the table (or JSON) to stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure round-trip time (8 B, 1 KiB) and one-way 64 B throughput between two processes "
                + "for every mechanism, interleaved in rounds, with C reference peers compiled by gcc when it is present.",
                "Every message's sequence number is checked; a wrong one fails the run.",
                "The full run takes several minutes; --quick a minute or two; --smoke under 30 s (its numbers are rough: peers start with C1 only)."})
final class BenchCommand implements Runnable {

    @ArgGroup(exclusive = true)
    Length length = new Length();

    static final class Length {
        @Option(names = "--quick", description = "Shorter phases and 3 rounds.")
        boolean quick;

        @Option(names = "--smoke", description = "A fraction of a second per mechanism, 1 round: proves each works.")
        boolean smoke;
    }

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds (default: 5, --quick 3, --smoke 1).")
    Integer rounds;

    @Option(names = "--mechanisms", split = ",", paramLabel = "NAME",
            description = "Only these rows, comma-separated (see --list); ratios need their base rows (c-…, aeron-ipc) too.")
    List<String> mechanisms = new ArrayList<>();

    @Option(names = "--json", description = "JSON instead of the table.")
    boolean json;

    @Option(names = "--list", description = "List the mechanisms and whether they can run here, then exit.")
    boolean list;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            TextTable t = new TextTable();
            for (Bench.Entry e : Bench.catalogue()) {
                t.row(e.name(), e.unavailableReason() == null ? e.title() : e.title() + " — unavailable: " + e.unavailableReason());
            }
            out.print(t.render(""));
            return;
        }
        Plan plan = length.smoke ? Plan.smoke() : length.quick ? Plan.quick() : Plan.full();
        if (rounds != null) {
            if (rounds < 1) {
                throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, got " + rounds);
            }
            plan = plan.withRounds(rounds);
        }
        BenchReport report;
        try {
            report = Bench.run(plan, mechanisms, line -> {
                err.println("bench: " + line);
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (json) {
            out.println(Json.write(report.toMap()));
        } else {
            out.print(report.table());
        }
        out.flush();
    }
}
