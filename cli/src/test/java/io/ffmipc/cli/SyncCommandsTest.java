package io.ffmipc.cli;

import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffmipc barrier} and {@code ffmipc rwlock} between real processes. */
@ExtendWith(LeakCheck.class)
class SyncCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Three processes meet at a barrier; each is told its arrival order and one of them is last. */
    @Test
    void threeProcessesPassABarrierTogether() {
        String name = TestNames.unique("bar");
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                children.add(ChildJvm.start(Main.class, "barrier", "wait", name, "--parties", "3", "--timeout", "60s"));
            }
            StringBuilder all = new StringBuilder();
            for (ChildJvm c : children) {
                c.assertSuccess(WAIT);
                all.append(c.output());
            }
            assertEquals(3, all.toString().lines().filter(l -> l.startsWith("passed barrier '" + name + "' (3 parties")).count(),
                    all.toString());
            assertTrue(all.toString().contains("arrived 3, last"), all.toString());
            assertEquals("barrier '" + name + "': 3 parties, not broken\n",
                    CliRun.of("barrier", "status", name, "--parties", "3").out());
        } finally {
            children.forEach(ChildJvm::close);
            CliRun.of("barrier", "rm", name);
        }
    }

    /** A party that times out gets exit 3 and breaks the barrier: the next one fails at once, typed. */
    @Test
    void aTimeoutBreaksTheBarrierAndSaysSo() {
        String name = TestNames.unique("bar");
        try {
            CliRun alone = CliRun.of("barrier", "wait", name, "--parties", "2", "--timeout", "100ms");
            assertEquals(ExitCodes.TIMEOUT, alone.exitCode(), alone.toString());
            assertTrue(alone.err().contains("now broken"), alone.toString());
            CliRun next = CliRun.of("barrier", "wait", name, "--parties", "2", "--timeout", "5s");
            assertEquals(ExitCodes.ERROR, next.exitCode(), next.toString());
            assertTrue(next.err().contains("broken"), next.toString());
            assertEquals("barrier '" + name + "': 2 parties, broken\n", CliRun.of("barrier", "status", name, "--parties", "2").out());
            CliRun wrongParties = CliRun.of("barrier", "wait", name, "--parties", "3", "--timeout", "1s");
            assertEquals(ExitCodes.ERROR, wrongParties.exitCode(), wrongParties.toString());
            assertTrue(wrongParties.err().contains("2 parties, not 3"), wrongParties.toString());
            assertEquals(ExitCodes.USAGE, CliRun.of("barrier", "wait", name, "--parties", "0").exitCode());
            assertEquals("removed barrier '" + name + "'\n", CliRun.of("barrier", "rm", name).out());
        } finally {
            CliRun.of("barrier", "rm", name);
        }
    }

    /**
     * Two processes each append "start/end" lines to one file under the write lock: the lines never
     * interleave. Then a read lock runs a command and hands back its exit code.
     */
    @Test
    void writersRunOneAtATimeAndTheCommandsExitCodeIsKept() throws Exception {
        String name = TestNames.unique("rw");
        Path log = Files.createTempFile("ffmipc-rwlock-", ".log");
        String script = "echo start $$ >> " + log + "; sleep 0.3; echo end $$ >> " + log;
        try (ChildJvm a = ChildJvm.start(Main.class, "rwlock", "write", name, "--timeout", "60s", "--", "sh", "-c", script);
             ChildJvm b = ChildJvm.start(Main.class, "rwlock", "write", name, "--timeout", "60s", "--", "sh", "-c", script)) {
            a.assertSuccess(WAIT);
            b.assertSuccess(WAIT);
            List<String> lines = Files.readAllLines(log);
            assertEquals(4, lines.size(), lines.toString());
            assertEquals(lines.get(0).replace("start", "end"), lines.get(1), "no interleaving: " + lines);
            assertEquals(lines.get(2).replace("start", "end"), lines.get(3), "no interleaving: " + lines);
            CliRun read = CliRun.of("rwlock", "read", name, "--", "sh", "-c", "exit 7");
            assertEquals(7, read.exitCode(), read.toString());
            CliRun noCommand = CliRun.of("rwlock", "read", name);
            assertEquals(ExitCodes.USAGE, noCommand.exitCode(), noCommand.toString());
            assertEquals("removed read-write lock '" + name + "'\n", CliRun.of("rwlock", "rm", name).out());
        } finally {
            Files.deleteIfExists(log);
            CliRun.of("rwlock", "rm", name);
        }
    }
}
