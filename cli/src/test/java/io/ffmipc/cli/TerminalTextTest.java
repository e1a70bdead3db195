package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.MessageQueue;
import io.ffmipc.OpenMode;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Control characters in names never reach the terminal raw; data a command prints as data does. */
class TerminalTextTest {
    private static final String ESC = "\u001b";

    @Test
    void controlCharactersAreWrittenAsEscapes() {
        assertEquals("evil\\x1b[31mred", TerminalText.escape("evil" + ESC + "[31mred"));
        assertEquals("a\\rb\\x00c\\x7fd\\x9be", TerminalText.escape("a\rb\0c\u007fd\u009be"));
        assertEquals("\\u202egnp.exe", TerminalText.escape("\u202egnp.exe"), "a right-to-left override");
        assertEquals("line\n\tindented µs é", TerminalText.escape("line\n\tindented µs é"), "layout and text stay");
    }

    @Test
    void theWriterEscapesWhateverIsWrittenThroughIt() throws IOException {
        StringWriter sink = new StringWriter();
        Writer w = TerminalText.escaping(sink);
        w.write("x" + ESC + "]0;title\u0007\n");
        w.write(ESC.charAt(0));
        w.write(new char[]{'a', '\r'}, 0, 2);
        w.flush();
        assertEquals("x\\x1b]0;title\\x07\n\\x1ba\\r", sink.toString());
    }

    /** The case: a name with an ESC sequence was echoed raw in the error line (and recoloured the terminal). */
    @Test
    void aNameWithAnEscapeSequenceIsShownEscapedInTheErrorLine() {
        CliRun r = CliRun.of("shm", "read", "evil" + ESC + "[31mred");
        assertEquals(ExitCodes.ERROR, r.exitCode(), r.toString());
        assertTrue(r.err().contains("'evil\\x1b[31mred'"), r.toString());
        assertFalse(r.err().contains(ESC) || r.out().contains(ESC), r.toString());
    }

    @Test
    void aUsageErrorEchoingTheArgumentIsEscapedToo() {
        CliRun r = CliRun.of("sem", "wait", "x", "--timeout", "5" + ESC + "[2J");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("invalid duration '5\\x1b[2J'"), r.toString());
        assertFalse(r.err().contains(ESC), r.toString());
    }

    /** Names another user planted in /dev/shm are listed escaped. */
    @Test
    void lsShowsAPlantedNameEscaped() throws IOException {
        String base = TestNames.unique("esc");
        Path planted = Path.of("/dev/shm", base + ESC + "[31m");
        Files.createFile(planted);
        try {
            CliRun r = CliRun.of("ls");
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            assertTrue(r.out().contains(base + "\\x1b[31m"), r.toString());
            assertFalse(r.out().contains(ESC), r.toString());
        } finally {
            Files.deleteIfExists(planted);
        }
    }

    /** A received message is data: printed exactly as sent, like cat, not escaped. */
    @Test
    void aReceivedMessageIsPrintedRaw() {
        String name = TestNames.unique("esc-mq");
        try (MessageQueue q = Ipc.platform().messageQueue(name, OpenMode.CREATE)) {
            q.send(("red" + ESC + "[31m").getBytes(StandardCharsets.UTF_8), 0, Duration.ofSeconds(1));
            CliRun r = CliRun.of("mq", "recv", name, "--timeout", "1s");
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            assertEquals("red" + ESC + "[31m\n", r.out());
        } finally {
            Ipc.platform().removeMessageQueue(name);
        }
    }
}
