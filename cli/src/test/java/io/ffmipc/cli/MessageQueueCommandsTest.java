package io.ffmipc.cli;

import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffmipc mq ...} and {@code ffmipc msg ...} on real queues, in process. */
@ExtendWith(LeakCheck.class)
class MessageQueueCommandsTest {

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return r;
    }

    @Test
    @SuppressWarnings("unchecked")
    void posixQueueCreateSendWatchReceiveTimeoutAndRemove() {
        String name = TestNames.unique("mq");
        try {
            assertEquals("created message queue '" + name + "': 4 messages of up to 256 bytes, mode 0640\n",
                    ok("mq", "create", name, "--max-messages", "4", "--message-size", "256", "--mode", "0640").out());
            assertEquals("sent to '" + name + "' at priority 0: depth 1\n", ok("mq", "send", name, "first").out());
            ok("mq", "send", name, "urgent", "--priority", "7");
            ok("mq", "send", name, "second");
            assertEquals("urgent\n", ok("mq", "recv", name, "--timeout", "1s").out());

            Map<String, Object> doc = (Map<String, Object>) JsonReader.parse(ok("ls", "--json").out());
            assertTrue(((List<Object>) doc.get("objects")).stream().map(o -> (Map<String, Object>) o)
                    .anyMatch(o -> name.equals(o.get("name")) && "mq".equals(o.get("kind"))
                            && Double.valueOf(11).equals(o.get("size"))), doc.toString());

            CliRun watch = ok("mq", "watch", name, "--count", "2", "--timeout", "2s");
            assertEquals(List.of("watching '" + name + "': depth 2 of 4", "[priority 0] first  (depth 1)",
                    "[priority 0] second  (depth 0)"), watch.out().lines().toList());

            long t0 = System.nanoTime();
            CliRun timeout = CliRun.of("mq", "recv", name, "--timeout", "200ms");
            assertEquals(ExitCodes.TIMEOUT, timeout.exitCode(), timeout.toString());
            assertTrue(timeout.err().startsWith("ffmipc: timeout: "), timeout.toString());
            assertTrue(System.nanoTime() - t0 >= 190_000_000L);

            CliRun tooLong = CliRun.of("mq", "send", name, "x".repeat(300));
            assertEquals(ExitCodes.ERROR, tooLong.exitCode(), tooLong.toString());
            assertTrue(tooLong.err().contains("300") && tooLong.err().contains("256"), tooLong.toString());
            CliRun badPriority = CliRun.of("mq", "send", name, "x", "--priority", "40000");
            assertEquals(ExitCodes.USAGE, badPriority.exitCode(), badPriority.toString());

            for (int i = 0; i < 4; i++) {
                ok("mq", "send", name, "fill" + i);
            }
            CliRun full = CliRun.of("mq", "send", name, "one more", "--timeout", "100ms");
            assertEquals(ExitCodes.TIMEOUT, full.exitCode(), full.toString());
        } finally {
            CliRun.of("mq", "rm", name);
        }
        CliRun missing = CliRun.of("mq", "recv", name);
        assertEquals(ExitCodes.ERROR, missing.exitCode(), missing.toString());
        assertTrue(missing.err().startsWith("ffmipc: no such object: "), missing.toString());
        assertEquals(ExitCodes.ERROR, CliRun.of("mq", "rm", name).exitCode());
    }

    @Test
    void systemVQueueByKeyWithTypes() {
        String key = "0x" + Integer.toHexString(TestNames.uniqueSysVKey());
        try {
            ok("msg", "create", "--key", key, "--max-bytes", "1000");
            ok("msg", "send", "--key", key, "five", "--type", "5");
            ok("msg", "send", "--key", key, "two", "--type", "2");
            ok("msg", "send", "--key", key, "nine", "--type", "9");
            assertTrue(ok("msg", "stat", "--key", key).out().contains("messages 3, bytes 11 of 1000"));
            assertEquals("9\tnine\n", ok("msg", "recv", "--key", key, "--type", "9").out());
            assertEquals("2\ttwo\n", ok("msg", "recv", "--key", key, "--type", "-6").out());
            CliRun tooSmall = CliRun.of("msg", "recv", "--key", key, "--max-size", "2");
            assertEquals(ExitCodes.ERROR, tooSmall.exitCode(), tooSmall.toString());
            assertTrue(tooSmall.err().contains("E2BIG"), tooSmall.toString());
            assertEquals("5\tfi\n", ok("msg", "recv", "--key", key, "--max-size", "2", "--truncate").out());
            CliRun timeout = CliRun.of("msg", "recv", "--key", key, "--timeout", "100ms");
            assertEquals(ExitCodes.TIMEOUT, timeout.exitCode(), timeout.toString());
        } finally {
            CliRun.of("msg", "rm", "--key", key);
        }
        assertEquals(ExitCodes.ERROR, CliRun.of("msg", "rm", "--key", key).exitCode());
    }
}
