package io.ffmipc.linux;

import io.ffmipc.ChildProcess;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.LauncherContract;
import io.ffmipc.NoSuchIpcObjectException;
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

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LinuxLauncherTest extends LauncherContract {
    private final IpcPlatform platform = Ipc.platform();

    @Override
    protected IpcPlatform platform() {
        return platform;
    }

    @Test
    void stdoutAndStderrGoToTheGivenFilesAndOnlyInheritedDescriptorsReachTheChild() throws Exception {
        Path out = Files.createTempFile("ffmipc-spawn-", ".out");
        Path err = Files.createTempFile("ffmipc-spawn-", ".err");
        try (Event a = platform.event(EventMode.COUNTER); Event b = platform.event(EventMode.COUNTER)) {
            var launcher = platform.launcher(List.of("sh", "-c",
                    "echo hello; echo oops >&2; read x; echo \"stdin=[$x]\"; readlink /proc/$$/fd/3 /proc/$$/fd/4; "
                            + "set -- /proc/$$/fd/*; for f; do [ -e \"$f\" ] && printf '%s ' \"${f##*/}\"; done; echo", "sh"));
            assertEquals("fd:3", launcher.inherit(a));
            assertEquals("fd:4", launcher.inherit(b));
            try (ChildProcess c = launcher.stdout(out).stderr(err).start()) {
                assertEquals(OptionalInt.of(0), c.waitFor(Duration.ofSeconds(10)));
            }
            List<String> lines = Files.readAllLines(out);
            assertEquals("hello", lines.get(0));
            assertEquals("stdin=[]", lines.get(1), "stdin is /dev/null");
            assertEquals("anon_inode:[eventfd]", lines.get(2));
            assertEquals("anon_inode:[eventfd]", lines.get(3));
            // The shell's own descriptors, by builtins only (no pipe); the glob's directory is closed by the test -e.
            assertEquals("0 1 2 3 4", lines.get(4).trim(), "only the standard three and the inherited two");
            assertEquals("oops", Files.readString(err).trim());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

}
