package io.ffmipc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ffmipc.TextTable;
import io.ffmipc.spi.Durations;

/**
 * The result of a run: per row the median of each figure over rounds, the same-round ratios, and
 * the machine. Every figure in it passed the sequence checks (a failed check ends the run instead).
 */
public record BenchReport(MachineFacts before, MachineFacts after, Plan plan, List<Row> rows,
                          Map<String, String> skipped, long elapsedMillis) {

    /**
     * One row. Every ratio is the median over rounds of this row's figure divided by the base
     * row's figure of the same round ({@code null} when the base did not run).
     *
     * @param vsC               8 B round trip (p50) against the C reference of the same mechanism
     * @param rtt1kVsC          1 KiB round trip (p50) against the C reference
     * @param throughputVsC     64 B throughput against the C reference
     * @param vsAeron           8 B round trip (p50) against Aeron IPC
     * @param throughputVsAeron 64 B throughput against Aeron IPC
     */
    public record Row(String name, String title, Figures median, List<Figures> rounds,
                      Double vsC, Double rtt1kVsC, Double throughputVsC, Double vsAeron, Double throughputVsAeron) {
    }

    /** The row called {@code name}, or {@code null}. */
    public Row row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** The table for a terminal, with the machine and the plan under it. */
    public String table() {
        TextTable t = new TextTable();
        t.row("mechanism", "8 B p50", "p90", "p99", "p99.9", "1 KiB p50", "64 B msg/s",
                "8 B ×C", "1 KiB ×C", "msg/s ×C", "8 B ×Aeron", "msg/s ×Aeron");
        for (Row r : rows) {
            Figures f = r.median();
            t.row(r.name(), time(f.rtt8p50()), time(f.rtt8p90()), time(f.rtt8p99()), time(f.rtt8p999()),
                    time(f.rtt1kP50()), rate(f.throughput()), ratio(r.vsC()), ratio(r.rtt1kVsC()), ratio(r.throughputVsC()),
                    ratio(r.vsAeron()), ratio(r.throughputVsAeron()));
        }
        StringBuilder sb = new StringBuilder(t.render(""));
        sb.append('\n').append("round-trip times (8 B, 1 KiB) and one-way 64 B throughput between two processes; medians of ")
                .append(plan.rounds()).append(plan.rounds() == 1 ? " round" : " rounds").append(" (")
                .append(plan.name()).append(": warm-up ").append(Durations.format(plan.warmup())).append(", measure ")
                .append(Durations.format(plan.measure())).append(" per phase); ×C, ×Aeron: median over rounds of the ratio to the C reference"
                        + " of the same mechanism (c-spin for spinning rows, c-futex for parking ones) or to Aeron IPC in the same round"
                        + " (below 1 is faster for times, slower for msg/s)\n");
        sb.append("every message's sequence number checked on both sides: passed\n");
        sb.append("machine: ").append(before.cpus()).append(" CPUs, ").append(before.cpuModel()).append(", ")
                .append(before.kernel()).append(", ").append(before.jdk()).append('\n');
        sb.append("load average: ").append(before.loadAverage()).append(" before, ").append(after.loadAverage())
                .append(" after (").append(elapsedMillis / 1000).append(" s)\n");
        for (Map.Entry<String, String> e : skipped.entrySet()) {
            sb.append("skipped ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    /** Plain data (maps, lists, numbers, strings) for a JSON writer. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("machine", before.toMap());
        m.put("load_average_after", after.loadAverage());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", plan.name());
        p.put("rounds", plan.rounds());
        p.put("warmup_ms", plan.warmup().toMillis());
        p.put("measure_ms", plan.measure().toMillis());
        m.put("plan", p);
        m.put("sequence_checks", "passed");
        List<Object> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("title", r.title());
            row.putAll(figures(r.median()));
            row.put("ratio_to_c", r.vsC());
            row.put("rtt1k_ratio_to_c", r.rtt1kVsC());
            row.put("throughput_ratio_to_c", r.throughputVsC());
            row.put("ratio_to_aeron", r.vsAeron());
            row.put("throughput_ratio_to_aeron", r.throughputVsAeron());
            row.put("rounds", r.rounds().stream().map(BenchReport::figures).toList());
            list.add(row);
        }
        m.put("rows", list);
        m.put("skipped", skipped);
        m.put("elapsed_ms", elapsedMillis);
        return m;
    }

    private static Map<String, Object> figures(Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rtt8_p50_ns", f.rtt8p50());
        m.put("rtt8_p90_ns", f.rtt8p90());
        m.put("rtt8_p99_ns", f.rtt8p99());
        m.put("rtt8_p999_ns", f.rtt8p999());
        m.put("rtt1k_p50_ns", f.rtt1kP50());
        m.put("throughput_64b_msgs_per_s", f.throughput());
        m.put("rtt8_samples", f.samples());
        return m;
    }

    static String time(double nanos) {
        if (Double.isNaN(nanos)) {
            return "-";
        }
        if (nanos < 1000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        return String.format(Locale.ROOT, nanos < 100_000 ? "%.1f µs" : "%.0f µs", nanos / 1000);
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }

    private static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f", r);
    }
}
