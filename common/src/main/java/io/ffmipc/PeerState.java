package io.ffmipc;

/** What a {@link Channel} end knows about the other side, from the pids and closed flags in the shared header. */
public enum PeerState {
    /** No peer has opened the channel yet. */
    NOT_CONNECTED,
    /** A peer has the channel open and its process is alive. */
    CONNECTED,
    /** The peer closed its end. */
    CLOSED,
    /** The peer's process ended without closing its end (crashed or was killed). */
    DEAD
}
