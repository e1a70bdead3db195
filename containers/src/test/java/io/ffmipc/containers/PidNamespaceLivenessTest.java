package io.ffmipc.containers;

import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Peer liveness between two containers with pid namespaces of their own that share {@code /dev/shm}
 * (a tmpfs volume): a live peer must not be taken for dead, a killed one must be reported dead.
 *
 * <p>The channel and the portable queue judge liveness today by the peer's pid and start time
 * ({@code io.ffmipc.channel.ProcessStamp}), which mean nothing in another pid namespace: both
 * containers' JVMs are pid 1 in their own namespace, so each looks up <em>itself</em> under the
 * other's pid, finds another start time and takes the live peer for dead. The two tests that show
 * it stay disabled until liveness is namespace-proof. The record-lock test shows a mechanism that
 * is: the kernel drops a process's record lock when it dies, whatever namespace looks.
 */
class PidNamespaceLivenessTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final String PENDING = "pending namespace-proof liveness (the provider liveness seam): "
            + "pid + start time mean nothing across pid namespaces, so a live peer is taken for dead today";

    @BeforeAll
    static void docker() {
        DockerEngine.assumeAvailable();
    }

    @Test
    @Disabled(PENDING)
    void channelPeerInAnotherPidNamespaceIsAliveUntilKilled() throws Exception {
        String name = TestNames.unique("pidns-ch");
        watchLiveThenKilledPeer(new String[] {"watch-channel", name, "30"}, new String[] {"hold-channel", name},
                "peer connected", "peer gone", "the live peer in another pid namespace was taken for dead",
                "peer gone DEAD");
    }

    @Test
    @Disabled(PENDING)
    void queueReceiveTurnHeldInAnotherPidNamespaceIsNotTakenUntilItsHolderIsKilled() throws Exception {
        String name = TestNames.unique("pidns-q");
        watchLiveThenKilledPeer(new String[] {"watch-queue", name, "30"}, new String[] {"hold-queue-turn", name},
                "turn taken by the peer", "received", "the receive turn of a live process in another pid namespace"
                        + " was taken over", "received after");
    }

    /**
     * A watcher and a holder ({@link NamespacePeer} modes), each in a container with a pid namespace
     * of its own, sharing a tmpfs at /dev/shm: once the watcher prints {@code peerUp}, it must not
     * print {@code wronglyDead} for 3 s (several liveness checks) while the holder lives, and must
     * print {@code reportedDead} within 10 s of the holder's {@code docker kill}.
     */
    private static void watchLiveThenKilledPeer(String[] watch, String[] hold, String peerUp, String wronglyDead,
                                                String whatWentWrong, String reportedDead) throws Exception {
        try (DockerVolume shm = DockerVolume.tmpfs("pidns-shm");
             ContainerJvm watcher = ContainerJvm.of(NamespacePeer.class, watch).mount(shm.name(), "/dev/shm").start()) {
            watcher.awaitOutput(Lead.READY, START);
            try (ContainerJvm holder = ContainerJvm.of(NamespacePeer.class, hold).mount(shm.name(), "/dev/shm").start()) {
                holder.awaitOutput("holding", START);
                watcher.awaitOutput(peerUp, START);
                Thread.sleep(3_000);
                assertFalse(watcher.output().contains(wronglyDead), whatWentWrong + ":\n" + watcher.output());
                holder.kill();
                watcher.awaitOutput(reportedDead, Duration.ofSeconds(10));
            }
            watcher.assertSuccess(START);
        }
    }

    /**
     * The mechanism a namespace-proof liveness can rest on: an exclusive record lock on a file in
     * the shared directory, held by the live process, refused to the other container, and released
     * by the kernel the moment its holder is killed.
     */
    @Test
    void recordLockOnASharedFileTellsLivenessAcrossPidNamespaces() throws Exception {
        String path = "/dev/shm/" + TestNames.unique("pidns-lock");
        try (DockerVolume shm = DockerVolume.tmpfs("pidns-shm");
             ContainerJvm holder = ContainerJvm.of(NamespacePeer.class, "hold-lock", path)
                     .mount(shm.name(), "/dev/shm").start()) {
            holder.awaitOutput("holding", START);
            try (ContainerJvm watcher = ContainerJvm.of(NamespacePeer.class, "watch-lock", path, "30")
                    .mount(shm.name(), "/dev/shm").start()) {
                watcher.awaitOutput("lock held by a live process", START);
                Thread.sleep(1_000);
                assertFalse(watcher.output().contains("lock free"), watcher.output());
                long killed = System.nanoTime();
                holder.kill();
                watcher.awaitOutput("lock free after", Duration.ofSeconds(10));
                long seenMillis = (System.nanoTime() - killed) / 1_000_000;
                assertTrue(seenMillis < 5_000, "released within seconds of the kill: " + seenMillis + " ms");
                watcher.assertSuccess(START);
                System.out.println("record lock: holder killed, the other pid namespace saw it free " + seenMillis + " ms later");
            }
        }
    }
}
