package io.ffmipc.cli;

import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-primitive commands on real POSIX objects (needs the Linux provider's shm and sync sections). */
@ExtendWith(LeakCheck.class)
class PrimitiveCommandsTest {

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return r;
    }

    @Test
    void sharedMemoryCreateWriteReadRemove() {
        String name = TestNames.unique("shm");
        try {
            assertEquals("created shared memory '" + name + "': 4096 bytes, mode 0600\n",
                    ok("shm", "create", name, "--size", "4k").out());
            ok("shm", "write", name, "hello, shared world");
            ok("shm", "write", name, "--offset", "100", "second");
            assertEquals("hello, shared world", ok("shm", "read", name).out());
            assertEquals("shared", ok("shm", "read", name, "--offset", "7", "--length", "6").out());
            assertEquals("second", ok("shm", "read", name, "--offset", "100").out());

            CliRun tooFar = CliRun.of("shm", "write", name, "--offset", "4090", "too long");
            assertEquals(ExitCodes.ERROR, tooFar.exitCode(), tooFar.toString());
            assertTrue(tooFar.err().contains("8 bytes at offset 4090 do not fit in shared memory '" + name + "' of 4096 bytes"),
                    tooFar.toString());

            CliRun again = CliRun.of("shm", "create", name, "--size", "4k");
            assertEquals(ExitCodes.ERROR, again.exitCode(), again.toString());
            assertTrue(again.err().startsWith("ffmipc: already exists: "), again.toString());
            assertTrue(again.err().contains("EEXIST"), again.toString());
        } finally {
            CliRun.of("shm", "rm", name);
        }
        CliRun missing = CliRun.of("shm", "read", name);
        assertEquals(ExitCodes.ERROR, missing.exitCode(), missing.toString());
        assertTrue(missing.err().startsWith("ffmipc: no such object: ") && missing.err().contains("ENOENT"), missing.toString());
        CliRun rmMissing = CliRun.of("rm", "shm", name);
        assertEquals(ExitCodes.ERROR, rmMissing.exitCode(), rmMissing.toString());
        assertTrue(rmMissing.err().startsWith("ffmipc: no such object: "), rmMissing.toString());
    }

    @Test
    void semaphoreCreatePostWaitGetAndTimeout() {
        String name = TestNames.unique("sem");
        try {
            ok("sem", "create", name, "--value", "1");
            assertEquals("1\n", ok("sem", "get", name).out());
            ok("sem", "post", name);
            assertEquals("2\n", ok("sem", "get", name).out());
            ok("sem", "wait", name, "--timeout", "1s");
            ok("sem", "wait", name, "--timeout", "1s");
            long t0 = System.nanoTime();
            CliRun timeout = CliRun.of("sem", "wait", name, "--timeout", "200ms");
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ExitCodes.TIMEOUT, timeout.exitCode(), timeout.toString());
            assertTrue(timeout.err().startsWith("ffmipc: timeout: "), timeout.toString());
            assertTrue(waitedMs >= 190, "waited only " + waitedMs + " ms");
        } finally {
            CliRun.of("rm", "sem", name);
        }
        CliRun missing = CliRun.of("sem", "get", name);
        assertEquals(ExitCodes.ERROR, missing.exitCode(), missing.toString());
        assertTrue(missing.err().startsWith("ffmipc: no such object: "), missing.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void lsShowsWhatWasCreated() {
        String name = TestNames.unique("ls");
        try {
            ok("shm", "create", name, "--size", "8k", "--mode", "0640");
            CliRun table = ok("ls");
            assertTrue(table.out().lines().findFirst().orElse("").matches("KIND +NAME/KEY +ID +OWNER +MODE +SIZE +DETAIL"), table.out());
            assertTrue(table.out().lines().anyMatch(l -> l.contains(name) && l.contains("0640") && l.contains("8192")), table.out());
            Map<String, Object> doc = (Map<String, Object>) JsonReader.parse(ok("ls", "--json").out());
            List<Object> objects = (List<Object>) doc.get("objects");
            assertTrue(objects.stream().map(o -> (Map<String, Object>) o)
                    .anyMatch(o -> String.valueOf(o.get("name")).contains(name) && "0640".equals(o.get("mode"))
                            && Double.valueOf(8192).equals(o.get("size"))), objects.toString());
        } finally {
            ok("rm", "shm", name);
        }
    }
}
