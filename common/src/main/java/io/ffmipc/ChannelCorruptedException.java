package io.ffmipc;

/**
 * A value read from a channel's (or another shared-memory structure's, such as the portable
 * message queue's) shared memory broke a rule of the layout: the peer wrote garbage (a bug, a
 * crash mid-write, or a hostile process). The message names the structure, the field, the value
 * and the rule. The structure cannot be trusted after this; close it and create a new one.
 */
public class ChannelCorruptedException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** The shared field that held the bad value. */
    private final String field;
    /** The bad value. */
    private final long value;

    /** A channel's {@code field} held {@code value}, which breaks {@code rule} (the message quotes it). */
    public ChannelCorruptedException(String operation, String channelName, String field, long value, String rule) {
        this(operation, "channel", channelName, field, value, rule);
    }

    /**
     * Another shared-memory structure's {@code field} held {@code value}, which breaks {@code rule}.
     *
     * @param what the kind of structure, for the message ({@code "message queue"})
     */
    public ChannelCorruptedException(String operation, String what, String name, String field, long value, String rule) {
        super(operation, name, null, "corrupted " + what + ": " + field + " is " + value + ", but " + rule);
        this.field = field;
        this.value = value;
    }

    /** The shared field that held the bad value. */
    public String field() {
        return field;
    }

    /** The bad value. */
    public long value() {
        return value;
    }
}
