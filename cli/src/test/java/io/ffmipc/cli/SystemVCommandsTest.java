package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.Ipc;
import io.ffmipc.Support;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The --key paths on real System V objects; skipped where the matrix row SYSTEM_V is unsupported. */
@ExtendWith(LeakCheck.class)
class SystemVCommandsTest {

    @BeforeEach
    void systemVIsSupported() {
        Support row = Ipc.platform().matrix().get(Capability.SYSTEM_V);
        assumeTrue(Ipc.platform().systemV().isPresent(), "this OS has no System V: " + row);
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return r;
    }

    @Test
    void segmentByKey() {
        String key = Converters.hexKey(TestNames.uniqueSysVKey());
        try {
            ok("shm", "create", "--key", key, "--size", "4096");
            ok("shm", "write", "--key", key, "by key");
            assertEquals("by key", ok("shm", "read", "--key", key).out());
            assertTrue(ok("ls").out().contains(key.substring(2)), "ls shows the key");
        } finally {
            ok("rm", "sysv-shm", "--key", key);
        }
        assertEquals(ExitCodes.ERROR, CliRun.of("shm", "read", "--key", key).exitCode());
    }

    @Test
    void semaphoreSetByKey() {
        String key = Converters.hexKey(TestNames.uniqueSysVKey());
        try {
            ok("sem", "create", "--key", key, "--count", "2", "--value", "0");
            ok("sem", "post", "--key", key, "--index", "1");
            assertEquals("1\n", ok("sem", "get", "--key", key, "--index", "1").out());
            assertEquals("0\n", ok("sem", "get", "--key", key).out());
            assertEquals(ExitCodes.TIMEOUT, CliRun.of("sem", "wait", "--key", key, "--timeout", "100ms").exitCode());
            ok("sem", "wait", "--key", key, "--index", "1", "--timeout", "1s");
            CliRun range = CliRun.of("sem", "get", "--key", key, "--index", "2");
            assertEquals(ExitCodes.ERROR, range.exitCode(), range.toString());
            assertTrue(range.err().contains("--index 2 is out of range"), range.toString());
        } finally {
            ok("sem", "rm", "--key", key);
        }
    }
}
