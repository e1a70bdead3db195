package io.ffmipc.linux;

import io.ffmipc.InvalidNameException;
import io.ffmipc.Ipc;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.Permissions;
import io.ffmipc.contract.MessagePipeContract;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.UnixAddress;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message-pipe contract on SOCK_SEQPACKET, plus the Linux naming: abstract names and socket files. */
class LinuxMessagePipeTest extends MessagePipeContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Test
    void anAbstractNameIsBoundWithoutAFileAndGoneWithTheServer() throws Exception {
        String name = TestNames.unique("mp-abstract");
        try (MessagePipeServer server = platform().messagePipeServer(name)) {
            assertTrue(Files.readString(Path.of("/proc/net/unix")).contains("@ffmipc." + name));
            assertFalse(Files.exists(Path.of("/tmp", name)));
            assertEquals(name, server.name());
        }
        assertFalse(Files.readString(Path.of("/proc/net/unix")).contains("@ffmipc." + name + "\n"));
    }

    @Test
    void aSocketFileHasExactPermissionsAndIsRemovedOnClose() throws Exception {
        Path path = Path.of("/tmp", TestNames.unique("mp-sock"));
        try (MessagePipeServer server = platform().messagePipeServer(path, Permissions.ofMode(0660), peer -> true)) {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            assertEquals(0140660, mode, "a socket file with mode 0660: 0" + Integer.toOctalString(mode));
            assertThrows(IpcObjectExistsException.class,
                    () -> platform().messagePipeServer(path, Permissions.OWNER_ONLY, peer -> true));
            CompletableFuture<Optional<MessagePipe>> accepted =
                    CompletableFuture.supplyAsync(() -> server.accept(Duration.ofSeconds(10)));
            try (MessagePipe client = platform().connectMessagePipe(path, Duration.ofSeconds(10));
                 MessagePipe served = accepted.join().orElseThrow()) {
                assertEquals(ProcessHandle.current().pid(), client.peer().pid());
                assertTrue(client.send(new byte[] {4, 2}, Duration.ofSeconds(5)));
                assertArrayEquals(new byte[] {4, 2}, served.receive(Duration.ofSeconds(5)));
            }
        }
        assertFalse(Files.exists(path, LinkOption.NOFOLLOW_LINKS), "the socket file is removed on close");
    }

    @Test
    void namesTooLongForSunPathAreRefusedNamingTheLimit() {
        String longName = "n".repeat(UnixAddress.maxAbstractName(LibC.INSTANCE) + 1);
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> platform().messagePipeServer(longName));
        assertTrue(e.getMessage().contains("at most " + UnixAddress.maxAbstractName(LibC.INSTANCE)) && e.getMessage().contains("sun_path"),
                e.getMessage());
        Path deep = Path.of("/tmp", "d".repeat(120));
        InvalidNameException p = assertThrows(InvalidNameException.class,
                () -> platform().connectMessagePipe(deep, Duration.ZERO));
        assertTrue(p.getMessage().contains("107 bytes"), p.getMessage());
    }
}
