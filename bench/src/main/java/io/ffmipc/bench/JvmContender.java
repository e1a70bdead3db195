package io.ffmipc.bench;

import java.time.Duration;

/** A {@link Mechanism} run as a row: this JVM is the driver, each round starts a fresh peer JVM. */
final class JvmContender implements Contender {
    private final Mechanism mechanism;

    JvmContender(Mechanism mechanism) {
        this.mechanism = mechanism;
    }

    @Override
    public String name() {
        return mechanism.name();
    }

    @Override
    public String title() {
        return mechanism.title();
    }

    @Override
    public String cReference() {
        return mechanism.cReference();
    }

    @Override
    public String unavailableReason() {
        return mechanism.unavailableReason();
    }

    @Override
    public Figures runRound(Plan plan) {
        try (PeerProcess peer = new PeerProcess(mechanism.name(), plan.fastStart())) {
            Figures figures;
            try (Link link = mechanism.openDriver(peer)) {
                figures = Exchanges.drive(link, plan);
            } catch (BenchFailure e) {
                // the peer usually knows better what went wrong (its own check failed, it could not open)
                throw new BenchFailure(mechanism.name() + ": " + e.getMessage() + peer.describeLog(), e);
            }
            peer.awaitSuccess(Duration.ofSeconds(30));
            return figures;
        }
    }
}
