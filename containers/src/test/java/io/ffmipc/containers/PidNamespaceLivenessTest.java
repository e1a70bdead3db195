package io.ffmipc.containers;

import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Peer liveness between two containers with pid namespaces of their own that share {@code /dev/shm}
 * (a tmpfs volume): a live peer must not be taken for dead, a killed one must be reported dead.
 *
 * <p>A peer's pid and start time mean nothing in another pid namespace: both containers' JVMs are
 * pid 1 in their own namespace, so a check by pid looks up <em>itself</em> under the other's pid,
 * finds another start time and takes the live peer for dead (what the channel and the portable
 * queue did before they judged liveness by presence slots). Under the presence rule each handle
 * holds an open-file-description lock on a byte of the shared object, which the kernel drops when
 * its holder dies, whatever namespace looks; the record-lock test shows that mechanism on its own.
 */
class PidNamespaceLivenessTest {
    private static final Duration START = Duration.ofSeconds(30);

    @BeforeAll
    static void docker() {
        DockerEngine.assumeAvailable();
    }

    @Test
    void channelPeerInAnotherPidNamespaceIsAliveUntilKilled() throws Exception {
        String name = TestNames.unique("pidns-ch");
        watchLiveThenKilledPeer(new String[] {"watch-channel", name, "30"}, new String[] {"hold-channel", name},
                "peer connected", "peer gone", "the live peer in another pid namespace was taken for dead",
                "peer gone DEAD");
    }

    @Test
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
                long killed = System.nanoTime();
                holder.kill();
                watcher.awaitOutput(reportedDead, Duration.ofSeconds(10));
                System.out.println(watch[0] + ": alive for 3 s across pid namespaces, then seen gone "
                        + (System.nanoTime() - killed) / 1_000_000 + " ms after docker kill");
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
