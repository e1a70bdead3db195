package io.ffmipc.containers;

import io.ffmipc.MutexStatus;
import io.ffmipc.contract.ChannelPeer;
import io.ffmipc.contract.MessageQueueChild;
import io.ffmipc.contract.RobustMutexChild;
import io.ffmipc.contract.SemaphorePingPongChild;
import io.ffmipc.contract.SharedMemoryPeer;
import io.ffmipc.contract.SharedMemoryQueueChild;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host's JVM and a JVM in a container run with {@code --ipc=host} (the host's IPC namespace and
 * {@code /dev/shm}), no network: every kind that lives in the IPC namespace or {@code /dev/shm}
 * works between them, and killing the container ({@code docker kill}) is reported to the host as
 * the peer's death.
 *
 * <p>The container runs as the host side's user ({@link ContainerJvm.Builder#user(int, int)}). The
 * channel and queue exchanges also share the host's pid namespace ({@code --pid=host}): their peer
 * liveness is still judged by pid and start time, which mean nothing across pid namespaces (see
 * {@link PidNamespaceLivenessTest}). The semaphore, shared memory and robust mutex exchanges run in
 * a pid namespace of their own: they do not depend on pids.
 */
@ExtendWith(LeakCheck.class)
class HostIpcNamespaceTest {
    @BeforeAll
    static void docker() {
        DockerEngine.assumeAvailable();
    }

    @Test
    void sharedMemoryMessageAndReply() {
        String name = TestNames.unique("ct-shm");
        try (PeerSlot peer = new PeerSlot()) {
            Lead.sharedMemory(name, () -> peer.start(ContainerJvm.of(SharedMemoryPeer.class, name, "4096").ipc("host")),
                    peer::assertSuccess);
        }
    }

    @Test
    void posixSemaphorePingPong() {
        String ping = TestNames.unique("ct-ping");
        String pong = TestNames.unique("ct-pong");
        try (PeerSlot peer = new PeerSlot()) {
            Lead.semaphores(ping, pong, 200,
                    () -> peer.start(ContainerJvm.of(SemaphorePingPongChild.class, ping, pong, "200").ipc("host")));
            peer.assertSuccess();
        }
    }

    @Test
    void channelPingPongThenStream() {
        String name = TestNames.unique("ct-ch");
        try (PeerSlot peer = new PeerSlot()) {
            Lead.channel(name, 200, 5_000, () -> peer.start(ContainerJvm.of(ChannelPeer.class, "echo-stream", name,
                    "SPIN_THEN_PARK", "200", "5000").ipc("host").pid("host")));
            peer.assertSuccess();
        }
    }

    @Test
    void portableQueueCarriesEveryMessageInOrder() {
        String name = TestNames.unique("ct-q");
        try (PeerSlot peer = new PeerSlot()) {
            Lead.portableQueue(name, 2_000, () -> peer.start(ContainerJvm.of(SharedMemoryQueueChild.class, "produce",
                    name, "0", "2000").ipc("host").pid("host")));
            peer.assertSuccess();
        }
    }

    @Test
    void posixMessageQueueCarriesEveryMessageInOrder() {
        String name = TestNames.unique("ct-mq");
        try (PeerSlot peer = new PeerSlot()) {
            Lead.posixQueue(name, 500, () -> peer.start(ContainerJvm.of(MessageQueueChild.class, "produce",
                    name, "0", "500").ipc("host")));
            peer.assertSuccess();
        }
    }

    @Test
    void killedContainerIsReportedAsTheChannelPeersDeath() {
        String name = TestNames.unique("ct-ch-kill");
        long[] killedPid = new long[1];
        try (PeerSlot peer = new PeerSlot()) {
            long reported = Lead.channelUntilPeerDies(name,
                    () -> peer.start(ContainerJvm.of(ChannelPeer.class, "stream-forever", name).ipc("host").pid("host")),
                    () -> {
                        killedPid[0] = peer.get().hostPid();
                        peer.get().kill();
                    });
            assertEquals(killedPid[0], reported, "the report names the killed container's process");
        }
    }

    @Test
    void killedContainerIsReportedAsTheMutexOwnersDeath() {
        String name = TestNames.unique("ct-mutex");
        try (PeerSlot peer = new PeerSlot()) {
            MutexStatus held = Lead.mutexOwnerDies(name,
                    () -> peer.start(ContainerJvm.of(RobustMutexChild.class, "hold", name).ipc("host")),
                    () -> {
                        peer.get().awaitOutput("locked ACQUIRED", PeerSlot.PEER);
                        peer.get().kill();
                    });
            // The owner is recorded as the holder's own pid, in its namespace: 1, the container's first process.
            assertTrue(peer.get().output().contains("locked ACQUIRED 1"), peer.get().output());
            assertEquals(1, held.ownerPid(), held.toString());
        }
    }
}
