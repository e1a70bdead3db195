package io.ffmipc.linux;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.PassedHandle;
import io.ffmipc.contract.MessagePipeContract;
import io.ffmipc.posix.UnixAddress;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message-pipe contract on the pipes macOS gets — {@code SOCK_STREAM} with length framing, the
 * portable ways to make sockets and received descriptors close-on-exec and non-blocking, names as
 * socket files — forced on Linux ({@link FramedPipes}), with child processes on the same pipes;
 * plus checks that it really was that variant that ran.
 */
class LinuxFramedMessagePipeTest extends MessagePipeContract {
    /** {@code O_NONBLOCK} and {@code O_CLOEXEC} in the flags line of /proc/self/fdinfo (octal). */
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;

    @Override
    protected IpcPlatform platform() {
        return FramedPipes.platform();
    }

    @Override
    protected Class<?> peerMain() {
        return FramedMessagePipePeer.class;
    }

    @Test
    void aNamedServerIsAnOwnerOnlyStreamSocketFileRemovedOnClose() throws Exception {
        String name = TestNames.unique("mp-framed");
        Path file = LinuxSeams.PIPE_DIRECTORY.resolve(UnixAddress.PREFIX + name);
        try (MessagePipeServer server = platform().messagePipeServer(name)) {
            assertEquals(name, server.name());
            int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            assertEquals(0140600, mode, "an owner-only socket file: 0" + Integer.toOctalString(mode));
            // /proc/net/unix: Num RefCount Protocol Flags Type St Inode Path; Type 0001 = SOCK_STREAM.
            List<String> lines = Files.readAllLines(Path.of("/proc/net/unix"));
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(" " + file) && l.trim().split("\\s+")[4].equals("0001")),
                    "a listening SOCK_STREAM socket at " + file);
        }
        assertFalse(Files.exists(file, LinkOption.NOFOLLOW_LINKS), "the socket file is removed on close");
    }

    /** Without SOCK_CLOEXEC, accept4 and MSG_CMSG_CLOEXEC the layer sets the flags with fcntl: every descriptor has them. */
    @Test
    void socketsAndReceivedDescriptorsAreCloseOnExecAndNonBlocking() throws Exception {
        Set<Integer> before = sockets();
        try (MessagePipeServer server = platform().messagePipeServer(TestNames.unique("mp-flags"));
             Event event = platform().event(EventMode.COUNTER)) {
            CompletableFuture<Optional<MessagePipe>> accepted =
                    CompletableFuture.supplyAsync(() -> server.accept(Duration.ofSeconds(10)));
            try (MessagePipe client = platform().connectMessagePipe(server.name(), Duration.ofSeconds(10));
                 MessagePipe served = accepted.join().orElseThrow()) {
                Set<Integer> made = sockets();
                made.removeAll(before);
                assertEquals(3, made.size(), "listener, client and served sockets: " + made);
                for (int fd : made) {
                    int flags = flags(fd);
                    assertEquals(O_CLOEXEC | O_NONBLOCK, flags & (O_CLOEXEC | O_NONBLOCK),
                            "socket " + fd + " flags 0" + Integer.toOctalString(flags));
                }
                assertTrue(client.sendHandle(event, Duration.ofSeconds(5)));
                try (PassedHandle got = served.receiveHandle(Duration.ofSeconds(5))) {
                    assertNotNull(got);
                    int flags = flags((int) got.osHandle());
                    assertEquals(O_CLOEXEC, flags & O_CLOEXEC, "received descriptor flags 0" + Integer.toOctalString(flags));
                }
            }
        }
    }

    private static Set<Integer> sockets() throws IOException {
        Set<Integer> fds = new HashSet<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    if (Files.readSymbolicLink(p).toString().startsWith("socket:")) {
                        fds.add(Integer.parseInt(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // closed while we listed
                }
            }
        }
        return fds;
    }

    private static int flags(int fd) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
            if (line.startsWith("flags:")) {
                return Integer.parseInt(line.substring(6).trim(), 8);
            }
        }
        throw new AssertionError("no flags line for descriptor " + fd);
    }
}
