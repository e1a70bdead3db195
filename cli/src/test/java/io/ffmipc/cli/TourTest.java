package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.Ipc;
import io.ffmipc.Support;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole tour, end to end, with a real second JVM (needs the Linux provider's shm and sync sections). */
@ExtendWith(LeakCheck.class)
class TourTest {

    @Test
    void tourRunsEverySupportedStepAndLeavesNothingBehind() throws IOException {
        String prefix = TestNames.unique("tour");
        CliRun r = CliRun.of("tour", "--rounds", "50", "--warmup", "10", "--timeout", "20s",
                "--prefix", prefix, "--key-base", "0x7f100000");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("peer started: pid ")), r.out());
        for (String title : new String[] {"named shared memory", "mapped file", "named semaphore ping-pong", "inherited event ping-pong",
                "named event ping-pong", "message queue"}) {
            assertTrue(lines.stream().anyMatch(l -> l.matches(" +ok +" + title + " +.*50 round trips: median [0-9.]+ µs, p99 [0-9.]+ µs")),
                    title + " should have run with figures:\n" + r.out());
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +ok +named shared memory +.*peer read \"hello from pid \\d+\".*")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +ok +message queue +.*peer received high@9 mid@5 low@1; .*")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +ok +robust mutex, owner killed +.*was killed holding it; the tour got it "
                + "[0-9.]+ ms later, told OWNER_DIED")), r.out());
        String sysv = Ipc.platform().matrix().get(Capability.SYSTEM_V) instanceof Support.Unsupported ? " +skip +" : " +ok +";
        assertTrue(lines.stream().anyMatch(l -> l.matches(sysv + "System V SEM_UNDO lock .*")), r.out());
        // every row the matrix marks unsupported is listed as skipped with its reason
        for (Capability c : Capability.values()) {
            if (Ipc.platform().matrix().get(c) instanceof Support.Unsupported u) {
                assertTrue(lines.stream().anyMatch(l -> l.contains("skip") && l.contains(c.title()) && l.contains(u.reason())),
                        c + " should be listed as skipped:\n" + r.out());
            }
        }
        assertTrue(lines.getLast().startsWith("tour complete: ") && lines.getLast().endsWith("every object the tour created was removed"),
                r.out());
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(List.of(), tmp.filter(p -> p.getFileName().toString().startsWith(prefix)).toList(), "mapped file left behind");
        }
    }

    @Test
    void eventDemoPingPongsWithAChild() {
        CliRun r = CliRun.of("event", "demo", "--rounds", "50");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(" +ok +inherited event ping-pong +.*50 round trips: .*")), r.out());
    }
}
