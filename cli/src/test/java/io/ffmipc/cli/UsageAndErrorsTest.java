package io.ffmipc.cli;

import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OsError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and messages for wrong command lines and bad names; none of these reaches the OS. */
class UsageAndErrorsTest {

    private static void assertUsage(CliRun r, String expectedInMessage) {
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains(expectedInMessage), "stderr should mention '" + expectedInMessage + "':\n" + r);
        assertTrue(r.err().startsWith("ffmipc: "), r.toString());
        assertEquals("", r.out(), r.toString());
    }

    @Test
    void noCommandIsAUsageError() {
        assertUsage(CliRun.of(), "a command is required");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertUsage(CliRun.of("frobnicate"), "frobnicate");
    }

    @Test
    void badDurationIsAUsageError() {
        assertUsage(CliRun.of("sem", "wait", "x", "--timeout", "5 parsecs"), "invalid duration '5 parsecs'");
    }

    @Test
    void badModeAndSizeAndKeyAreUsageErrors() {
        assertUsage(CliRun.of("shm", "create", "x", "--size", "4k", "--mode", "0800"), "invalid mode '0800'");
        assertUsage(CliRun.of("shm", "create", "x", "--size", "lots"), "invalid size 'lots'");
        assertUsage(CliRun.of("shm", "rm", "--key", "0"), "IPC_PRIVATE");
        assertUsage(CliRun.of("sem", "get", "--key", "0xzz"), "invalid System V key");
    }

    /**
     * One key rule for System V shared memory, semaphore sets and message queues: IPC_PRIVATE (0)
     * and -1 (what a failed ftok returns) are refused alike, in any spelling, before the OS is asked
     * (sem and msg used to create an object with key 0xffffffff).
     */
    @Test
    void ipcPrivateAndMinusOneAreRefusedForEveryKind() {
        String[][] commands = {
                {"shm", "create", "--size", "4k", "--key"}, {"shm", "rm", "--key"}, {"shm", "read", "--key"},
                {"sem", "create", "--key"}, {"sem", "get", "--key"}, {"sem", "rm", "--key"},
                {"msg", "create", "--key"}, {"msg", "stat", "--key"}, {"msg", "rm", "--key"},
                {"rm", "sysv-shm", "--key"}, {"rm", "sysv-sem", "--key"}, {"rm", "sysv-msg", "--key"}};
        for (String[] command : commands) {
            for (String key : new String[]{"0", "0x0", "-1", "0xffffffff", "4294967295"}) {
                String[] args = java.util.Arrays.copyOf(command, command.length + 1);
                args[command.length] = key;
                CliRun r = CliRun.of(args);
                assertUsage(r, "invalid System V key '" + key + "': key " + (key.matches("0|0x0") ? "0 is IPC_PRIVATE"
                        : "-1 (0xffffffff) is what a failed ftok returns"));
            }
        }
    }

    @Test
    void negativeOrUselessCountsAreUsageErrors() {
        assertUsage(CliRun.of("pipe", "serve", "x", "--clients", "-5"), "--clients must be 0 (until killed) or more, got -5");
        assertUsage(CliRun.of("msg", "create", "--key", "0x7f1ffff1", "--max-bytes", "0"),
                "--max-bytes must be at least 1 (a queue of 0 bytes holds no message), got 0");
        assertUsage(CliRun.of("sem", "get", "--key", "0x7f1ffff1", "--index", "-1"), "--index must be 0 or more, got -1");
    }

    @Test
    void nameAndKeyTogetherOrNeitherAreUsageErrors() {
        assertUsage(CliRun.of("shm", "read", "x", "--key", "0x7f100001"), "either a NAME or --key");
        assertUsage(CliRun.of("sem", "get"), "a NAME (or --key K for System V) is required");
        assertUsage(CliRun.of("shm", "write", "x"), "give either TEXT or --file FILE");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        assertUsage(CliRun.of("shm", "create", "x"), "--size");
    }

    @Test
    void rmRejectsUnknownKindsAndMismatchedAddressing() {
        assertUsage(CliRun.of("rm", "pipe", "x"), "unknown kind 'pipe'");
        assertUsage(CliRun.of("rm", "shm", "--key", "0x7f100001"), "removed by NAME");
        assertUsage(CliRun.of("rm", "sysv-sem", "x"), "removed by --key");
    }

    @Test
    void exclusiveMatrixFormatsAreAUsageError() {
        assertUsage(CliRun.of("matrix", "--json", "--markdown"), "mutually exclusive");
    }

    @Test
    void badNameIsAnErrorNamingTheRule() {
        for (String[] args : new String[][] {{"shm", "read", "bad/name"}, {"sem", "get", "bad/name"}, {"rm", "shm", "bad/name"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(ExitCodes.ERROR, r.exitCode(), r.toString());
            assertEquals("ffmipc: invalid name: validate name 'bad/name' failed: a name may contain only ASCII letters, "
                    + "digits, '.', '_' and '-'; found '/' at index 3\n", r.err(), r.toString());
        }
        CliRun tooLong = CliRun.of("sem", "get", "n".repeat(241));
        assertEquals(ExitCodes.ERROR, tooLong.exitCode(), tooLong.toString());
        assertTrue(tooLong.err().contains("at most 240 characters, this one has 241"), tooLong.toString());
    }

    @Test
    void errorLineNamesTheMeaningAndTheOsError() {
        String line = ErrorLine.of(new NoSuchIpcObjectException("shm_open", "orders", new OsError(2, "ENOENT", "No such file or directory"), null));
        assertEquals("no such object: shm_open 'orders' failed: ENOENT (2): No such file or directory", line);
        assertEquals("invalid argument: a\nb".replace('\n', ' '), ErrorLine.of(new IllegalArgumentException("a\nb")));
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun r = CliRun.of("--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        for (String cmd : new String[] {"matrix", "tour", "ls", "rm", "shm", "sem", "event", "3  timeout"}) {
            assertTrue(r.out().contains(cmd), cmd + " missing from help:\n" + r.out());
        }
        assertTrue(!r.out().contains("tour-peer"), "the peer command is hidden:\n" + r.out());
    }
}
