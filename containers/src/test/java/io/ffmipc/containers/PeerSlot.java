package io.ffmipc.containers;

import java.time.Duration;

/**
 * The container a {@link Lead} exchange starts from its {@code peerCanStart} callback, held for the
 * test so that it can wait for it and remove it: {@code try (PeerSlot peer = new PeerSlot()) {
 * Lead.x(name, () -> peer.start(ContainerJvm.of(...)), ...); peer.assertSuccess(); }}.
 */
final class PeerSlot implements AutoCloseable {
    static final Duration PEER = Duration.ofSeconds(60);
    private ContainerJvm jvm;

    /** Starts the peer (closing one started before). */
    void start(ContainerJvm.Builder builder) {
        close();
        jvm = builder.start();
    }

    ContainerJvm get() {
        if (jvm == null) {
            throw new IllegalStateException("no peer was started");
        }
        return jvm;
    }

    /** Waits for the peer to exit 0 (failing with its output otherwise). */
    void assertSuccess() {
        get().assertSuccess(PEER);
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
            jvm = null;
        }
    }
}
