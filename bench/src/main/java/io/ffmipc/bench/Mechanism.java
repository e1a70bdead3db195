package io.ffmipc.bench;

import java.util.List;

/**
 * One way for two processes to exchange messages, measured by the two-process harness. A
 * mechanism only opens its two ends; the harness runs the same phases and checks over every one.
 * Adding a mechanism is one small class plus a line in {@link Mechanisms}.
 */
public interface Mechanism {

    /** Short name used on the command line and in the table (e.g. {@code posix-sem}). */
    String name();

    /** One line saying what is measured. */
    String title();

    /** The C reference of the same mechanism ({@link CReference} name), or {@code null} if there is none. */
    default String cReference() {
        return null;
    }

    /** Why this mechanism cannot run here, or {@code null} when it can. */
    default String unavailableReason() {
        return null;
    }

    /**
     * The driver's side: creates what both processes share, starts the peer through {@code peer}
     * (passing what it needs as arguments or inherited handles), and returns the driver's end.
     * Closing the link removes every object this created.
     */
    Link openDriver(PeerStarter peer);

    /** The peer's side, in the second JVM: opens what the driver created from the arguments it was given. */
    Link openPeer(List<String> args);
}
