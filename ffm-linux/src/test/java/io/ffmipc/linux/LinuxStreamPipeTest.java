package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Permissions;
import io.ffmipc.StreamPipe;
import io.ffmipc.contract.StreamPipeContract;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Assumptions;
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

    /** A FIFO another user made under the name is refused unless the caller accepts another owner (issue 8 §2). */
    @Test
    void aFifoOfAnotherUserIsRefusedUnlessAccepted() throws Exception {
        Assumptions.assumeTrue(platform().currentProcess().uid() == 0, "needs root to give the FIFO to another user");
        String name = TestNames.unique("fifo-foreign");
        platform().createStreamPipe(name, Permissions.ofMode(0666));
        try {
            Files.setAttribute(Path.of("/tmp", name), "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
            IpcAccessDeniedException read = assertThrows(IpcAccessDeniedException.class,
                    () -> platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO));
            assertTrue(read.getMessage().contains("uid 65534") && read.getMessage().contains("acceptingForeignOwner"),
                    read.getMessage());
            Permissions accepting = Permissions.OWNER_ONLY.acceptingForeignOwner();
            try (StreamPipe in = platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO, accepting)) {
                IpcAccessDeniedException write = assertThrows(IpcAccessDeniedException.class,
                        () -> platform().openStreamPipe(name, StreamPipe.End.WRITE, Duration.ofSeconds(5)));
                assertTrue(write.getMessage().contains("uid 65534"), write.getMessage());
                try (StreamPipe out = platform().openStreamPipe(name, StreamPipe.End.WRITE, Duration.ofSeconds(5), accepting)) {
                    assertEquals(2, out.write(new byte[] {1, 2}, 0, 2, Duration.ofSeconds(5)));
                    assertEquals(2, in.read(new byte[8], 0, 8, Duration.ofSeconds(5)));
                }
            }
        } finally {
            assertTrue(platform().removeStreamPipe(name));
        }
    }

    /** A symbolic link planted under the name is not followed, whatever it points to, and not removed. */
    @Test
    void aSymbolicLinkUnderTheNameIsNeitherFollowedNorRemoved() throws Exception {
        String target = TestNames.unique("fifo-target");
        platform().createStreamPipe(target);
        String name = TestNames.unique("fifo-link");
        Path link = Path.of("/tmp", name);
        Files.createSymbolicLink(link, Path.of("/tmp", target));
        try {
            IpcException open = assertThrows(IpcException.class,
                    () -> platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO));
            assertTrue(open.getMessage().contains(name), open.getMessage());
            IpcException remove = assertThrows(IpcException.class, () -> platform().removeStreamPipe(name));
            assertTrue(remove.getMessage().contains("not a FIFO"), remove.getMessage());
            assertTrue(Files.isSymbolicLink(link));
        } finally {
            Files.deleteIfExists(link);
            platform().removeStreamPipe(target);
        }
    }
}
