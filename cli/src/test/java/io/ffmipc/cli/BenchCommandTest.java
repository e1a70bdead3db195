package io.ffmipc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code ffmipc bench}: a smoke run on three mechanisms with real peers, and its usage errors. */
class BenchCommandTest {

    @Test
    void smokeRunPrintsRealNumbersAsJson() {
        CliRun r = CliRun.of("bench", "--smoke", "--mechanisms", "channel-spin,sysv-sem,jdk-uds", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("round 1/1") && r.err().contains("channel-spin"), "progress on stderr: " + r);
        Map<?, ?> json = (Map<?, ?>) JsonReader.parse(r.out().strip());
        assertEquals("passed", json.get("sequence_checks"));
        List<?> rows = (List<?>) json.get("rows");
        assertEquals(List.of("channel-spin", "sysv-sem", "jdk-uds"), rows.stream().map(o -> ((Map<?, ?>) o).get("name")).toList());
        for (Object o : rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            double p50 = (Double) row.get("rtt8_p50_ns");
            double p999 = (Double) row.get("rtt8_p999_ns");
            double rate = (Double) row.get("throughput_64b_msgs_per_s");
            assertTrue(p50 > 0 && p50 <= p999 && p999 < 60e9, "round-trip percentiles of " + row);
            assertTrue((Double) row.get("rtt1k_p50_ns") > 0, "1 KiB round trip of " + row);
            assertTrue(rate > 1000, "64 B throughput of " + row);
            assertTrue((Double) row.get("rtt8_samples") > 0, "samples of " + row);
        }
        Map<?, ?> machine = (Map<?, ?>) json.get("machine");
        assertTrue((Double) machine.get("cpus") >= 1 && machine.get("jdk").toString().contains("25"), "machine facts: " + machine);
    }

    @Test
    void tableNamesEveryRowAndTheMachine() {
        CliRun r = CliRun.of("bench", "--smoke", "--mechanisms", "posix-sem");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("posix-sem ") && l.contains("µs")), r.out());
        assertTrue(r.out().contains("machine: ") && r.out().contains("checked on both sides: passed"), r.out());
    }

    @Test
    void unknownMechanismIsAUsageError() {
        CliRun r = CliRun.of("bench", "--smoke", "--mechanisms", "carrier-pigeon");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("carrier-pigeon") && r.err().contains("channel-spin"), r.err());
    }

    @Test
    void roundsMustBePositive() {
        CliRun r = CliRun.of("bench", "--rounds", "0");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--rounds must be at least 1"), r.err());
    }

    @Test
    void listShowsTheJavaAndCRows() {
        CliRun r = CliRun.of("bench", "--list");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        for (String n : List.of("channel-spin", "channel-park", "aeron-ipc", "jdk-uds", "fifo", "pipe", "c-spin")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(n + " ")), n + " listed:\n" + r.out());
        }
    }
}
