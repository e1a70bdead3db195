package io.ffmipc.cli;

import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffmipc mutex ...} on real mutexes, with holders in this JVM and in child JVMs killed or asked to unlock. */
@ExtendWith(LeakCheck.class)
class MutexCommandsTest {
    private static final long ME = ProcessHandle.current().pid();

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return r;
    }

    @Test
    void createLockStatusTimeoutAndRemove() throws Exception {
        String name = TestNames.unique("mutex");
        try {
            assertEquals("created mutex '" + name + "': mode 0600\n", ok("mutex", "create", name).out());
            assertEquals("free\n", ok("mutex", "status", name).out());
            CompletableFuture<CliRun> holding = CompletableFuture.supplyAsync(() -> CliRun.of("mutex", "lock", name, "--hold", "1500ms"));
            long end = System.nanoTime() + 10_000_000_000L;
            while (!CliRun.of("mutex", "status", name).out().equals("held by pid " + ME + "\n") && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertEquals("held by pid " + ME + "\n", ok("mutex", "status", name).out());
            CliRun timeout = CliRun.of("mutex", "lock", name, "--timeout", "200ms", "--hold", "0s");
            assertEquals(ExitCodes.TIMEOUT, timeout.exitCode(), timeout.toString());
            assertTrue(timeout.err().startsWith("ffmipc: timeout: mutex '" + name + "' stayed held (held by pid " + ME + ")"),
                    timeout.toString());
            CliRun held = holding.get(20, TimeUnit.SECONDS);
            assertEquals(ExitCodes.OK, held.exitCode(), held.toString());
            assertTrue(held.out().matches("(?s)locked '" + name + "' after [0-9.]+ ms, pid " + ME + "\nunlocked '" + name + "'\n"),
                    held.out());
            assertEquals("free\n", ok("mutex", "status", name).out());

            CliRun again = CliRun.of("mutex", "create", name);
            assertTrue(again.exitCode() == ExitCodes.ERROR && again.err().startsWith("ffmipc: already exists: "), again.toString());
        } finally {
            CliRun.of("mutex", "rm", name);
        }
        CliRun missing = CliRun.of("mutex", "status", name);
        assertTrue(missing.exitCode() == ExitCodes.ERROR && missing.err().startsWith("ffmipc: no such object: "), missing.toString());
        CliRun rmMissing = CliRun.of("mutex", "rm", name);
        assertTrue(rmMissing.exitCode() == ExitCodes.ERROR && rmMissing.err().startsWith("ffmipc: no such object: "), rmMissing.toString());
        CliRun badName = CliRun.of("mutex", "create", "bad/name");
        assertTrue(badName.exitCode() == ExitCodes.ERROR && badName.err().startsWith("ffmipc: invalid name: "), badName.toString());
    }

    @Test
    void aKilledHolderIsReportedAndAnotherIsAskedToUnlock() throws Exception {
        String name = TestNames.unique("mutex");
        try {
            ok("mutex", "create", name);
            try (ChildJvm killed = ChildJvm.start(Main.class, "mutex", "lock", name, "--hold", "60s");
                 ChildJvm asked = ChildJvm.start(Main.class, "mutex", "lock", name, "--timeout", "60s")) {
                // whichever child gets the lock first is killed; the other is then told the owner died
                long end = System.nanoTime() + 20_000_000_000L;
                ChildJvm first = null;
                while (first == null && System.nanoTime() < end) {
                    String status = CliRun.of("mutex", "status", name).out();
                    first = status.equals("held by pid " + killed.pid() + "\n") ? killed
                            : status.equals("held by pid " + asked.pid() + "\n") ? asked : null;
                    Thread.sleep(5);
                }
                assertTrue(first != null, "no child took the lock:\n" + killed.output() + "\n" + asked.output());
                ChildJvm second = first == killed ? asked : killed;
                first.kill();
                long end2 = System.nanoTime() + 20_000_000_000L;
                while (!second.output().contains("locked ") && System.nanoTime() < end2) {
                    Thread.sleep(5);
                }
                assertTrue(second.output().startsWith("locked '" + name + "' after the previous owner died (OWNER_DIED"),
                        second.output());
                if (second == asked) {
                    CliRun unlock = ok("mutex", "unlock", name);
                    assertEquals("unlocked '" + name + "' (pid " + asked.pid() + " let go): free\n", unlock.out());
                    assertEquals("free\n", ok("mutex", "status", name).out());
                } else {
                    second.kill(); // the --hold child: killed as well
                    assertEquals("owner died (pid " + second.pid() + "); the next acquirer is told OWNER_DIED\n",
                            ok("mutex", "status", name).out());
                }
            }
            CliRun notHeld = CliRun.of("mutex", "unlock", name);
            assertTrue(notHeld.exitCode() == ExitCodes.ERROR && notHeld.err().contains("is not held"), notHeld.toString());
        } finally {
            CliRun.of("mutex", "rm", name);
        }
    }
}
