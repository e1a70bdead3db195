package io.ffmipc;

/**
 * The other side of a channel is gone: it closed its end, or its process died (possibly in the
 * middle of writing a record). Thrown by a blocking call that could otherwise wait forever, once
 * everything the peer sent before it went has been received.
 */
public class ChannelPeerGoneException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** {@link PeerState#CLOSED} or {@link PeerState#DEAD}. */
    private final PeerState state;
    /** The peer's process id. */
    private final long pid;

    /** The peer, process {@code pid}, closed its end or died ({@code state}); {@code detail} may add more, or be null. */
    public ChannelPeerGoneException(String operation, String channelName, PeerState state, long pid, String detail) {
        super(operation, channelName, null, "the peer (pid " + pid + ") "
                + (state == PeerState.DEAD ? "died without closing the channel" : "closed the channel")
                + (detail == null ? "" : "; " + detail));
        this.state = state;
        this.pid = pid;
    }

    /** {@link PeerState#CLOSED} or {@link PeerState#DEAD}. */
    public PeerState state() {
        return state;
    }

    /**
     * The peer's process id as the peer recorded it: its pid in its own pid namespace (a peer in
     * another container's pid namespace may well be pid 1 there), for messages and logs.
     */
    public long pid() {
        return pid;
    }
}
