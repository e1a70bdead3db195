package io.ffmipc.cli;

import io.ffmipc.spi.Durations;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffmipc pipe ...} as a script uses it: FIFO create/write/read/rm, echo server and client. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipeCommandsTest {

    @Test
    void fifoCreateWriteReadRemove() throws Exception {
        String name = TestNames.unique("cli-fifo");
        try {
            assertEquals(ExitCodes.OK, CliRun.of("pipe", "fifo-create", name, "--mode", "0640").exitCode());
            int mode = (Integer) Files.getAttribute(Path.of("/tmp", name), "unix:mode", LinkOption.NOFOLLOW_LINKS);
            assertEquals(0640, mode & 0777);
            CompletableFuture<CliRun> reader = CompletableFuture.supplyAsync(
                    () -> CliRun.of("pipe", "fifo-read", name, "--timeout", "20s"));
            CliRun write = CliRun.of("pipe", "fifo-write", name, "through the fifo", "--timeout", "20s");
            assertEquals(ExitCodes.OK, write.exitCode(), write.toString());
            CliRun read = reader.get(30, TimeUnit.SECONDS);
            assertEquals(ExitCodes.OK, read.exitCode(), read.toString());
            assertEquals("through the fifo", read.out());

            CliRun noReader = CliRun.of("pipe", "fifo-write", name, "x", "--timeout", "200ms");
            assertEquals(ExitCodes.TIMEOUT, noReader.exitCode(), noReader.toString());
            assertTrue(noReader.err().contains("no reader"), noReader.toString());
        } finally {
            CliRun.of("pipe", "rm", name);
        }
        CliRun again = CliRun.of("pipe", "rm", name);
        assertEquals(ExitCodes.ERROR, again.exitCode(), again.toString());
        assertTrue(again.err().contains("no byte-stream pipe named"), again.toString());
    }

    @Test
    void serveEchoesAndShowsTheClientsIdentity() throws Exception {
        String name = TestNames.unique("cli-mp");
        CompletableFuture<CliRun> server = CompletableFuture.supplyAsync(
                () -> CliRun.of("pipe", "serve", name, "--clients", "1", "--timeout", "20s"));
        CliRun send = CliRun.of("pipe", "send", name, "hello server", "--timeout", "20s", "--show-server");
        assertEquals(ExitCodes.OK, send.exitCode(), send.toString());
        long pid = ProcessHandle.current().pid();
        assertTrue(send.out().startsWith("server pid=" + pid + " uid="), send.toString());
        assertTrue(send.out().endsWith("hello server\n"), send.toString());
        CliRun served = server.get(30, TimeUnit.SECONDS);
        assertEquals(ExitCodes.OK, served.exitCode(), served.toString());
        assertTrue(served.out().contains("client pid=" + pid + " uid="), served.toString());
        assertTrue(served.out().contains("pid " + pid + ": hello server"), served.toString());

    }

    /** No server is an error (exit 1) saying so, not a timeout (exit 3). */
    @Test
    void sendingWhereNoServerListensIsAnError() {
        String none = TestNames.unique("cli-none");
        CliRun nobody = CliRun.of("pipe", "send", none, "x", "--timeout", "200ms");
        assertEquals(ExitCodes.ERROR, nobody.exitCode(), nobody.toString());
        assertTrue(nobody.err().startsWith("ffmipc: no such object: ") && nobody.err().contains("ECONNREFUSED"),
                nobody.toString());
        assertTrue(nobody.err().contains("no server is listening on '" + none + "'"), nobody.toString());
    }

    /** Durations in messages read as people write them ("300 ms"), not as Duration.toString() ("PT0.3S"). */
    @Test
    void aServerWithoutClientsSaysHowLongItWaited() {
        CliRun run = CliRun.of("pipe", "serve", TestNames.unique("cli-lonely"), "--timeout", "300ms");
        assertEquals(ExitCodes.TIMEOUT, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no client within 300 ms"), run.toString());
    }
}
