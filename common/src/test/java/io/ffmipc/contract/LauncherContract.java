package io.ffmipc.contract;

import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every provider's child launcher must do ({@link IpcPlatform#launcher}), with real child JVMs
 * started by the OS's own spawn call: exit codes reported and kept, kill and close leave no child
 * behind, output files, an inherited handle usable in the child under its token, bad input typed.
 * Subclass per OS with {@link #platform()}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class LauncherContract {
    private static final Duration WAIT = Duration.ofSeconds(60);

    protected abstract IpcPlatform platform();

    private ChildLauncher java(String... args) {
        return platform().launcher(ChildJvm.command(LauncherChild.class, args));
    }

    @Test
    void exitCodesAreReportedAndKept() {
        for (int code : new int[] {0, 1, 7}) {
            try (ChildProcess c = java("exit", Integer.toString(code)).start()) {
                assertEquals(OptionalInt.of(code), c.waitFor(WAIT));
                assertEquals(OptionalInt.of(code), c.waitFor(Duration.ZERO), "the code is kept once reaped");
            }
        }
    }

    @Test
    void killEndsTheChildAndCloseLeavesNothingRunning() {
        ChildProcess c = java("sleep").start();
        try {
            assertEquals(OptionalInt.empty(), c.waitFor(Duration.ofMillis(200)), "still running");
            c.kill();
            OptionalInt code = c.waitFor(WAIT);
            assertTrue(code.isPresent() && code.getAsInt() != 0, "a killed child reports a failing code: " + code);
        } finally {
            c.close();
        }
        c.kill(); // after reaping: does nothing (the pid may be someone else's)
        ChildProcess other = java("sleep").start();
        long pid = other.pid();
        other.close();
        other.close();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "close killed and reaped it");
    }

    @Test
    void outputGoesToTheGivenFiles() throws Exception {
        Path out = Files.createTempFile("ffmipc-launch-", ".out");
        Path err = Files.createTempFile("ffmipc-launch-", ".err");
        try (ChildProcess c = java("print").stdout(out).stderr(err).start()) {
            assertEquals(OptionalInt.of(0), c.waitFor(WAIT));
            assertEquals("to stdout", Files.readString(out).strip());
            assertTrue(Files.readString(err).contains("to stderr"), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The point of the launcher: a handle the child inherits and uses under the token it was given. */
    @Test
    void anInheritedEventIsUsableInTheChildUnderItsToken() {
        try (Event e = platform().event(EventMode.COUNTER)) {
            ChildLauncher l = java("signal");
            String token = l.inherit(e);
            try (ChildProcess c = l.argument(token).start()) {
                assertEquals(OptionalInt.of(0), c.waitFor(WAIT));
            }
            assertEquals(3, e.await(Duration.ofSeconds(10)), "the child's three signals");
        }
    }

    @Test
    void badInputIsTyped() {
        NoSuchIpcObjectException e = assertThrows(NoSuchIpcObjectException.class,
                () -> platform().launcher(List.of("ffmipc-no-such-program-xyz")).start());
        assertTrue(e.getMessage().contains("ffmipc-no-such-program-xyz"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> platform().launcher(List.of()));
        assertThrows(IllegalArgumentException.class, () -> platform().launcher(List.of("a\0b")));
        assertThrows(IllegalArgumentException.class, () -> java("exit", "0").argument(null));
    }
}
