package io.ffmipc;

/**
 * A message is larger than the object takes (a queue's maximum message size, a channel's largest
 * record, a message pipe's maximum): the same exception type for the same mistake on every kind.
 * Nothing was sent. The message names both sizes.
 */
public class MessageTooLargeException extends IpcLimitException {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long maximum;

    public MessageTooLargeException(String operation, String objectName, long size, long maximum) {
        super(operation, objectName, null, "the message has " + size + " bytes but the largest this object takes is "
                + maximum + " bytes; nothing was sent");
        this.size = size;
        this.maximum = maximum;
    }

    /** The size of the message that was refused. */
    public long size() {
        return size;
    }

    /** The largest message the object takes. */
    public long maximum() {
        return maximum;
    }
}
