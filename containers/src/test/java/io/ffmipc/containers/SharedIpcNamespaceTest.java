package io.ffmipc.containers;

import io.ffmipc.contract.ChannelPeer;
import io.ffmipc.contract.MessageQueueChild;
import io.ffmipc.contract.RobustMutexChild;
import io.ffmipc.contract.SemaphorePingPongChild;
import io.ffmipc.contract.SharedMemoryPeer;
import io.ffmipc.contract.SharedMemoryQueueChild;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two containers, the second joining the first's IPC namespace ({@code --ipc=container:<first>}),
 * the way a sidecar shares its application's: the first runs {@link Lead} (it creates), the second
 * the existing peer main. Everything lives in the first container's private IPC namespace and
 * {@code /dev/shm}, so it goes with the containers. Channel and queue pairs also share the first's
 * pid namespace (see {@link PidNamespaceLivenessTest} for why).
 */
class SharedIpcNamespaceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void docker() {
        DockerEngine.assumeAvailable();
    }

    @Test
    void sharedMemory() {
        String name = TestNames.unique("ipcns-shm");
        pair(false, new String[] {"shm", name}, SharedMemoryPeer.class, name, "4096");
    }

    @Test
    void posixSemaphores() {
        String ping = TestNames.unique("ipcns-ping");
        String pong = TestNames.unique("ipcns-pong");
        pair(false, new String[] {"sem", ping, pong, "200"}, SemaphorePingPongChild.class, ping, pong, "200");
    }

    @Test
    void channel() {
        String name = TestNames.unique("ipcns-ch");
        pair(true, new String[] {"channel", name, "200", "5000"}, ChannelPeer.class,
                "echo-stream", name, "SPIN_THEN_PARK", "200", "5000");
    }

    @Test
    void portableQueue() {
        String name = TestNames.unique("ipcns-q");
        pair(true, new String[] {"queue", name, "2000"}, SharedMemoryQueueChild.class, "produce", name, "0", "2000");
    }

    @Test
    void posixMessageQueue() {
        String name = TestNames.unique("ipcns-mq");
        pair(false, new String[] {"mq", name, "500"}, MessageQueueChild.class, "produce", name, "0", "500");
    }

    @Test
    void killedChannelPeerContainerIsReportedDead() {
        String name = TestNames.unique("ipcns-ch-kill");
        try (ContainerJvm lead = ContainerJvm.of(Lead.class, "channel-until-dead", name).ipc("shareable").start()) {
            lead.awaitOutput(Lead.READY, WAIT);
            try (ContainerJvm peer = ContainerJvm.of(ChannelPeer.class, "stream-forever", name)
                    .ipc("container:" + lead.id()).pid("container:" + lead.id()).start()) {
                lead.awaitOutput("lead: streaming", WAIT);
                peer.kill();
            }
            lead.assertSuccess(WAIT);
            assertTrue(lead.output().contains("lead: peer dead"), lead.output());
        }
    }

    @Test
    void killedMutexHolderContainerIsReportedAsOwnerDied() {
        String name = TestNames.unique("ipcns-mutex");
        try (ContainerJvm lead = ContainerJvm.of(Lead.class, "mutex", name).ipc("shareable").start()) {
            lead.awaitOutput(Lead.READY, WAIT);
            try (ContainerJvm peer = ContainerJvm.of(RobustMutexChild.class, "hold", name)
                    .ipc("container:" + lead.id()).start()) {
                lead.awaitOutput("lead: peer holds", WAIT);
                peer.kill();
            }
            lead.assertSuccess(WAIT);
            assertTrue(lead.output().contains("lead: owner died reported"), lead.output());
        }
    }

    /** The lead in a container of its own (IPC namespace shareable), the peer joining it; both must succeed. */
    private static void pair(boolean sharePid, String[] leadArgs, Class<?> peerMain, String... peerArgs) {
        if (sharePid) { // the lead is pid 1 of the shared pid namespace: it must outlive the peer
            leadArgs = java.util.Arrays.copyOf(leadArgs, leadArgs.length + 1);
            leadArgs[leadArgs.length - 1] = Lead.LINGER;
        }
        try (ContainerJvm lead = ContainerJvm.of(Lead.class, leadArgs).ipc("shareable").start()) {
            lead.awaitOutput(Lead.READY, WAIT);
            ContainerJvm.Builder b = ContainerJvm.of(peerMain, peerArgs).ipc("container:" + lead.id());
            if (sharePid) {
                b.pid("container:" + lead.id());
            }
            try (ContainerJvm peer = b.start()) {
                peer.assertSuccess(WAIT);
            }
            if (sharePid) {
                lead.awaitOutput("lead: ok", WAIT);
            } else {
                lead.assertSuccess(WAIT);
            }
        }
    }
}
