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
    /** Whether the peer's exit was checked; if not (the lead side failed first) close shows its output. */
    private boolean asserted;

    /** Starts the peer (closing one started before). */
    void start(ContainerJvm.Builder builder) {
        close();
        jvm = builder.start();
        asserted = false;
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
        asserted = true;
    }

    @Override
    public void close() {
        if (jvm != null) {
            if (!asserted) {
                System.err.println("peer " + jvm.id() + " output:\n" + jvm.output());
            }
            jvm.close();
            jvm = null;
        }
    }
}
