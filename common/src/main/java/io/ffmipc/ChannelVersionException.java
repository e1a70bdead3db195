package io.ffmipc;

/**
 * A channel's shared memory was laid out by another version of this library (or is not a channel
 * at all): opening it is refused instead of misreading it. The message names both versions.
 */
public class ChannelVersionException extends IpcException {
    private static final long serialVersionUID = 1L;

    public ChannelVersionException(String channelName, String detail) {
        super("open channel", channelName, null, detail);
    }
}
