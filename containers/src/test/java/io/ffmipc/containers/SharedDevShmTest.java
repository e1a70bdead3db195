package io.ffmipc.containers;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.Permissions;
import io.ffmipc.StreamPipe;
import io.ffmipc.contract.ChannelPeer;
import io.ffmipc.contract.ContractTexts;
import io.ffmipc.contract.SemaphorePingPongChild;
import io.ffmipc.contract.SharedMemoryPeer;
import io.ffmipc.contract.SharedMemoryQueueChild;
import io.ffmipc.contract.StreamPipePeer;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host's JVM and a container that keeps an IPC namespace of its own but shares the host's
 * {@code /dev/shm} and socket directory ({@code -v /dev/shm:/dev/shm -v /tmp:/tmp}; FIFOs live in
 * {@code /tmp}). What lives in files there works: POSIX shared memory, POSIX semaphores (files in
 * {@code /dev/shm}, futex waits on a shared mapping), the channel and the portable queue (shared
 * memory), FIFOs, and message pipes on a socket path, with the peer's identity as the kernel
 * translates it. System V objects and POSIX message queues belong to the IPC namespace and do not
 * cross here (nor does the robust mutex, a System V set).
 */
@ExtendWith(LeakCheck.class)
class SharedDevShmTest {
    private static final Duration PEER = Duration.ofSeconds(60);
    private final IpcPlatform ipc = Ipc.platform();

    @BeforeAll
    static void docker() {
        DockerEngine.assumeAvailable();
    }

    private static ContainerJvm.Builder sharingFiles(Class<?> main, String... args) {
        return ContainerJvm.of(main, args).mount("/dev/shm", "/dev/shm").mount("/tmp", "/tmp");
    }

    @Test
    void sharedMemoryMessageAndReply() {
        String name = TestNames.unique("shmvol-shm");
        try (PeerSlot peer = new PeerSlot()) {
            Lead.sharedMemory(name, () -> peer.start(sharingFiles(SharedMemoryPeer.class, name, "4096")),
                    peer::assertSuccess);
        }
    }

    @Test
    void posixSemaphorePingPong() {
        String ping = TestNames.unique("shmvol-ping");
        String pong = TestNames.unique("shmvol-pong");
        try (PeerSlot peer = new PeerSlot()) {
            Lead.semaphores(ping, pong, 200,
                    () -> peer.start(sharingFiles(SemaphorePingPongChild.class, ping, pong, "200")));
            peer.assertSuccess();
        }
    }

    @Test
    void channelAndPortableQueue() {
        String ch = TestNames.unique("shmvol-ch");
        String q = TestNames.unique("shmvol-q");
        try (PeerSlot peer = new PeerSlot()) {
            Lead.channel(ch, 200, 5_000, () -> peer.start(sharingFiles(ChannelPeer.class, "echo-stream", ch,
                    "SPIN_THEN_PARK", "200", "5000").pid("host")));
            peer.assertSuccess();
            Lead.portableQueue(q, 2_000, () -> peer.start(sharingFiles(SharedMemoryQueueChild.class, "produce",
                    q, "0", "2000").pid("host")));
            peer.assertSuccess();
        }
    }

    @Test
    void fifoStreamFromTheContainer() {
        String name = TestNames.unique("shmvol-fifo");
        ipc.createStreamPipe(name);
        try (ContainerJvm peer = sharingFiles(StreamPipePeer.class, "write", name, "100000").start();
             StreamPipe in = ipc.openStreamPipe(name, StreamPipe.End.READ, PEER)) {
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buf, 0, buf.length, PEER)) > 0; total += n) {
                for (int i = 0; i < n; i++) {
                    assertEquals(ContractTexts.streamByte(total + i), buf[i], "byte " + (total + i));
                }
            }
            assertEquals(100_000, total);
            peer.assertSuccess(PEER);
        } finally {
            ipc.removeStreamPipe(name);
        }
    }

    @Test
    void messagePipeOnASocketPathWithKernelTranslatedIdentities() throws Exception {
        Path socket = Path.of("/tmp", TestNames.unique("shmvol-sock"));
        try (MessagePipeServer server = ipc.messagePipeServer(socket, Permissions.OWNER_ONLY, peer -> true);
             ContainerJvm peer = sharingFiles(MessagePipePathPeer.class, socket.toString()).start()) {
            Optional<MessagePipe> accepted = server.accept(PEER);
            assertTrue(accepted.isPresent(), "no connection; peer said: " + peer.output());
            try (MessagePipe pipe = accepted.get()) {
                // SO_PEERCRED gives the pid in the reader's namespace: the host sees the container's
                // process as the host knows it; the container cannot see the host's, and gets 0.
                assertEquals(peer.hostPid(), pipe.peer().pid(), "the client's pid as the host sees it");
                for (int i = 0; i < 100; i++) {
                    byte[] m = ("message " + i).getBytes();
                    assertTrue(pipe.send(m, PEER));
                    assertArrayEquals(m, pipe.receive(PEER), "echo " + i);
                }
            }
            peer.assertSuccess(PEER);
            assertTrue(peer.output().contains("server pid 0 uid " + ipc.currentProcess().uid()), peer.output());
            assertTrue(peer.output().contains("echoed 100"), peer.output());
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}
