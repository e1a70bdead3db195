package io.ffmipc.cli;

import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffmipc event create|set|reset|wait|rm} on a real named event. */
@ExtendWith(LeakCheck.class)
class NamedEventCommandTest {

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return r;
    }

    @Test
    void manualEventSetWaitResetTimeoutRemove() {
        String name = TestNames.unique("evcli");
        try {
            assertEquals("created event '" + name + "' (MANUAL_RESET), reset\n",
                    ok("event", "create", name, "--kind", "manual").out());
            CliRun timeout = CliRun.of("event", "wait", name, "--timeout", "50ms");
            assertEquals(ExitCodes.TIMEOUT, timeout.exitCode(), timeout.toString());
            assertTrue(timeout.err().contains("was not set within 50 ms"), timeout.toString());
            ok("event", "set", name);
            ok("event", "wait", name, "--timeout", "50ms");
            ok("event", "wait", name, "--timeout", "50ms"); // manual: still set
            ok("event", "reset", name);
            assertEquals(ExitCodes.TIMEOUT, CliRun.of("event", "wait", name, "--timeout", "10ms").exitCode());
            CliRun again = CliRun.of("event", "create", name);
            assertTrue(again.err().startsWith("ffmipc: already exists: "), again.toString());
            assertEquals("removed event '" + name + "'\n", ok("event", "rm", name).out());
        } finally {
            CliRun.of("event", "rm", name);
        }
        CliRun missing = CliRun.of("event", "set", name);
        assertEquals(ExitCodes.ERROR, missing.exitCode(), missing.toString());
        assertTrue(missing.err().startsWith("ffmipc: no such object: "), missing.toString());
        CliRun badKind = CliRun.of("event", "create", name, "--kind", "sometimes");
        assertEquals(ExitCodes.USAGE, badKind.exitCode(), badKind.toString());
        assertTrue(badKind.err().contains("'auto' or 'manual'"), badKind.toString());
    }

    @Test
    void autoEventIsTakenByOneWait() {
        String name = TestNames.unique("evcli");
        try {
            ok("event", "create", name);
            ok("event", "set", name);
            ok("event", "wait", name, "--timeout", "50ms");
            assertEquals(ExitCodes.TIMEOUT, CliRun.of("event", "wait", name, "--timeout", "10ms").exitCode());
        } finally {
            CliRun.of("event", "rm", name);
        }
    }
}
