package io.ffmipc.containers;

import io.ffmipc.contract.ChannelPeer;
import io.ffmipc.contract.MessageQueueChild;
import io.ffmipc.contract.SemaphorePingPongChild;
import io.ffmipc.contract.SharedMemoryPeer;
import io.ffmipc.contract.SharedMemoryQueueChild;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Linux provider on musl: JVMs in {@value #ALPINE} (Alpine Linux, musl, Temurin 25) detect the
 * C library, and exchange with the host's JVM (glibc) through everything the kernel keeps — shared
 * memory, the channel, the portable queue, POSIX message queues — and with each other through
 * POSIX named semaphores (musl's own format: a glibc process cannot share them, see
 * {@code MuslInteropTest}). The image must be pulled from a registry: the GitHub Linux leg
 * ({@code GITHUB_ACTIONS}) does; elsewhere the test runs only if the image is already there, and
 * skips with the reason otherwise. {@link #glibcImageReportsGlibc} is its control on this machine.
 */
@ExtendWith(LeakCheck.class)
class AlpineMuslProviderTest {
    static final String ALPINE = "eclipse-temurin:25-jdk-alpine";
    private static final String JAVA = "/opt/java/openjdk/bin/java";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @BeforeAll
    static void docker() {
        DockerEngine.assumeAvailable();
    }

    private static void assumeAlpineImage() {
        boolean present = !DockerClientFactory.instance().client().listImagesCmd()
                .withImageNameFilter(ALPINE).exec().isEmpty();
        boolean mayPull = "true".equals(System.getenv("GITHUB_ACTIONS"));
        org.junit.jupiter.api.Assumptions.assumeTrue(present || mayPull, () -> ALPINE + " is not on this machine"
                + " and no image registry is reachable here; the GitHub Linux leg pulls it and runs this test");
    }

    private static ContainerJvm.Builder alpine(Class<?> main, String... args) {
        return ContainerJvm.of(main, args).onImage(ALPINE, JAVA);
    }

    @Test
    void glibcImageReportsGlibc() {
        try (ContainerJvm jvm = ContainerJvm.of(LibcReport.class, TestNames.unique("libc-sem")).start()) {
            jvm.assertSuccess(WAIT);
            assertTrue(jvm.output().contains("libc glibc=true target=linux-x86_64\n"), jvm.output());
            assertTrue(jvm.output().contains("semaphore ok"), jvm.output());
        }
    }

    @Test
    void providerOnMuslDetectsItAndItsSemaphoresWork() {
        assumeAlpineImage();
        try (ContainerJvm jvm = alpine(LibcReport.class, TestNames.unique("libc-sem")).start()) {
            jvm.assertSuccess(WAIT);
            assertTrue(jvm.output().contains("libc glibc=false target=linux-x86_64-musl"), jvm.output());
            assertTrue(jvm.output().contains("semaphore ok"), jvm.output());
        }
    }

    @Test
    void hostOnGlibcAndContainerOnMuslExchangeThroughTheKernelsObjects() {
        assumeAlpineImage();
        try (PeerSlot peer = new PeerSlot()) {
            String shm = TestNames.unique("alpine-shm");
            Lead.sharedMemory(shm, () -> peer.start(alpine(SharedMemoryPeer.class, shm, "4096").ipc("host")),
                    peer::assertSuccess);
            String ch = TestNames.unique("alpine-ch");
            Lead.channel(ch, 200, 5_000, () -> peer.start(alpine(ChannelPeer.class, "echo-stream", ch,
                    "SPIN_THEN_PARK", "200", "5000").ipc("host").pid("host")));
            peer.assertSuccess();
            String q = TestNames.unique("alpine-q");
            Lead.portableQueue(q, 2_000, () -> peer.start(alpine(SharedMemoryQueueChild.class, "produce", q, "0",
                    "2000").ipc("host").pid("host")));
            peer.assertSuccess();
            String mq = TestNames.unique("alpine-mq");
            Lead.posixQueue(mq, 500, () -> peer.start(alpine(MessageQueueChild.class, "produce", mq, "0", "500")
                    .ipc("host")));
            peer.assertSuccess();
        }
    }

    @Test
    void twoMuslContainersShareNamedSemaphores() {
        assumeAlpineImage();
        String ping = TestNames.unique("alpine-ping");
        String pong = TestNames.unique("alpine-pong");
        try (ContainerJvm lead = alpine(Lead.class, "sem", ping, pong, "200").ipc("shareable").start()) {
            lead.awaitOutput(Lead.READY, WAIT);
            try (ContainerJvm peer = alpine(SemaphorePingPongChild.class, ping, pong, "200")
                    .ipc("container:" + lead.id()).start()) {
                peer.assertSuccess(WAIT);
            }
            lead.assertSuccess(WAIT);
        }
    }
}
