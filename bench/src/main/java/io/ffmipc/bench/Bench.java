package io.ffmipc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The two-process benchmark: every available mechanism and C reference, interleaved in rounds
 * (each round runs them all once, the order rotating, so a burst of noise on this shared machine
 * hits different rows in different rounds); the report keeps each figure's median over rounds
 * and the same-round ratios. Any failed sequence check or silent peer fails the whole run.
 */
public final class Bench {
    static final String AERON = "aeron-ipc";

    private Bench() {
    }

    /** A row the benchmark knows; {@code unavailableReason} is {@code null} when it can run here. */
    public record Entry(String name, String title, String unavailableReason) {
    }

    /** Every row, Java mechanisms first, then the C references (compiling them to know whether they can run). */
    public static List<Entry> catalogue() {
        try (CPeers c = new CPeers()) {
            return contenders(c).stream().map(x -> new Entry(x.name(), x.title(), x.unavailableReason())).toList();
        }
    }

    private static List<Contender> contenders(CPeers c) {
        return Stream.concat(Mechanisms.all().stream().map(m -> (Contender) new JvmContender(m)),
                CReference.all(c).stream().map(r -> (Contender) r)).toList();
    }

    /**
     * Runs the benchmark.
     *
     * @param only     the rows to run by name; empty for all
     * @param progress receives one line per step (for a display on stderr)
     */
    public static BenchReport run(Plan plan, List<String> only, Consumer<String> progress) {
        long start = System.nanoTime();
        MachineFacts before = MachineFacts.now();
        try (CPeers c = new CPeers()) {
            List<Contender> all = contenders(c);
            for (String n : only) {
                if (all.stream().noneMatch(x -> x.name().equals(n))) {
                    throw new IllegalArgumentException("no mechanism called '" + n + "'; known: "
                            + String.join(", ", all.stream().map(Contender::name).toList()));
                }
            }
            List<Contender> chosen = all.stream().filter(x -> only.isEmpty() || only.contains(x.name())).toList();
            Map<String, String> skipped = new LinkedHashMap<>();
            List<Contender> runnable = new ArrayList<>();
            for (Contender x : chosen) {
                String why = x.unavailableReason();
                if (why == null) {
                    runnable.add(x);
                } else {
                    skipped.put(x.name(), why);
                    progress.accept("skipping " + x.name() + ": " + why);
                }
            }
            Map<String, List<Figures>> results = new LinkedHashMap<>();
            runnable.forEach(x -> results.put(x.name(), new ArrayList<>()));
            int steps = runnable.size() * plan.rounds();
            int step = 0;
            for (int round = 0; round < plan.rounds(); round++) {
                for (int i = 0; i < runnable.size(); i++) {
                    Contender x = runnable.get((i + round) % runnable.size());
                    step++;
                    progress.accept(String.format("[%d/%d] round %d/%d  %s", step, steps, round + 1, plan.rounds(), x.name()));
                    Figures f = x.runRound(plan);
                    results.get(x.name()).add(f);
                    progress.accept(String.format("        %s  8 B p50 %s, 64 B %s", x.name(),
                            BenchReport.time(f.rtt8p50()), BenchReport.rate(f.throughput())));
                }
            }
            List<BenchReport.Row> rows = new ArrayList<>();
            for (Contender x : runnable) {
                List<Figures> mine = results.get(x.name());
                List<Figures> cRef = results.get(x.cReference());
                List<Figures> aeron = x.name().equals(AERON) ? null : results.get(AERON);
                rows.add(new BenchReport.Row(x.name(), x.title(), Figures.median(mine), mine,
                        ratio(mine, cRef, Figures::rtt8p50), ratio(mine, cRef, Figures::rtt1kP50), ratio(mine, cRef, Figures::throughput),
                        ratio(mine, aeron, Figures::rtt8p50), ratio(mine, aeron, Figures::throughput)));
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            return new BenchReport(before, MachineFacts.now(), plan, rows, skipped, elapsed);
        }
    }

    /** The median over rounds of this row's figure divided by the base row's figure of the same round. */
    private static Double ratio(List<Figures> mine, List<Figures> base, java.util.function.ToDoubleFunction<Figures> figure) {
        if (base == null || base.size() != mine.size() || mine.isEmpty()) {
            return null;
        }
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < mine.size(); r++) {
            ratios.add(figure.applyAsDouble(mine.get(r)) / figure.applyAsDouble(base.get(r)));
        }
        return Figures.Stats.median(ratios, Double::doubleValue);
    }
}
