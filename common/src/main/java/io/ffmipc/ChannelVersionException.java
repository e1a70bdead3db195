package io.ffmipc;

/**
 * A structure the library built on shared memory — a channel, a shared-memory message queue, an
 * event, condition, barrier or read-write lock — was laid out by another version of this library,
 * or holds another kind of structure, or is not one at all: opening it is refused instead of
 * misreading it. The message names what was found and what was expected.
 */
public class ChannelVersionException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** A channel that cannot be opened. */
    public ChannelVersionException(String channelName, String detail) {
        super("open channel", channelName, null, detail);
    }

    /** Any structure that cannot be opened; {@code operation} names it ({@code "open barrier"}). */
    public ChannelVersionException(String operation, String name, String detail) {
        super(operation, name, null, detail);
    }
}
