package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Permissions;
import io.ffmipc.StreamPipe;
import io.ffmipc.contract.StreamPipeContract;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream-pipe contract on FIFOs, plus where they live and their exact permissions. */
class LinuxStreamPipeTest extends StreamPipeContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Test
    void aFifoLivesInTmpWithExactlyTheAskedPermissions() throws Exception {
        String name = TestNames.unique("fifo-mode");
        platform().createStreamPipe(name, Permissions.ofMode(0640));
        try {
            Path path = Path.of("/tmp", name);
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            assertEquals(0010640, mode, "a FIFO with mode 0640, whatever the umask: 0" + Integer.toOctalString(mode));
        } finally {
            assertTrue(platform().removeStreamPipe(name));
        }
        assertFalse(Files.exists(Path.of("/tmp", name)));
    }

    @Test
    void aFileThatIsNotAFifoIsNeitherOpenedNorRemoved() throws Exception {
        String name = TestNames.unique("not-fifo");
        Path file = Path.of("/tmp", name);
        Files.writeString(file, "plain file");
        try {
            IpcException open = assertThrows(IpcException.class,
                    () -> platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO));
            assertTrue(open.getMessage().contains("not a FIFO"), open.getMessage());
            IpcException remove = assertThrows(IpcException.class, () -> platform().removeStreamPipe(name));
            assertTrue(remove.getMessage().contains("not a FIFO"), remove.getMessage());
            assertTrue(Files.exists(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
