package io.ffmipc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The harness end to end on a few mechanisms with the smoke plan: real peer JVMs (and the C
 * peers when gcc is here), real numbers, nothing left behind.
 */
class BenchSmokeTest {

    @Test
    void smokeRunMeasuresEveryChosenMechanism() throws IOException {
        List<String> names = new ArrayList<>(List.of("shm-spin", "posix-sem", "eventfd", "c-spin"));
        List<String> progress = new ArrayList<>();
        BenchReport report = Bench.run(Plan.smoke(), names, progress::add);

        boolean gcc = report.skipped().isEmpty();
        if (!gcc) {
            assertTrue(report.skipped().containsKey("c-spin"), "only the C row may be skipped: " + report.skipped());
            names.remove("c-spin");
        }
        assertEquals(names, report.rows().stream().map(BenchReport.Row::name).toList());
        for (BenchReport.Row r : report.rows()) {
            Figures f = r.median();
            assertTrue(f.samples() > 0, r.name() + " measured round trips: " + f);
            assertTrue(f.rtt8p50() > 0 && f.rtt8p50() < 50_000_000, r.name() + " 8 B p50 is a real time: " + f);
            assertTrue(f.rtt8p50() <= f.rtt8p999(), r.name() + " percentiles ordered: " + f);
            assertTrue(f.rtt1kP50() > 0, r.name() + " 1 KiB p50: " + f);
            assertTrue(f.throughput() > 1000, r.name() + " streamed: " + f);
        }
        if (gcc) {
            assertNotNull(report.row("shm-spin").vsC(), "shm-spin is compared with c-spin in the same round");
        }
        String table = report.table();
        assertTrue(table.contains("sequence number checked on both sides: passed"), table);
        for (String n : names) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(n + " ")), "table has a row for " + n + ":\n" + table);
        }
        assertTrue(progress.stream().anyMatch(l -> l.contains("round 1/1")), "progress was reported: " + progress);
        assertEquals(List.of(), leftovers(), "the benchmark removed its objects");
    }

    @Test
    void unknownMechanismIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bench.run(Plan.smoke(), List.of("carrier-pigeon"), s -> { }));
        assertTrue(e.getMessage().contains("carrier-pigeon") && e.getMessage().contains("posix-sem"), e.getMessage());
    }

    /** Objects of this JVM's benchmark runs still in /dev/shm. */
    private static List<String> leftovers() throws IOException {
        String mine = "-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> s = Files.list(Path.of("/dev/shm"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("ffmipc-bench-") && (n.contains(mine) || n.startsWith("ffmipc-bench-aeron-")))
                    .toList();
        }
    }
}
