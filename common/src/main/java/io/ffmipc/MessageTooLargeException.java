package io.ffmipc;

/**
 * A message is larger than the object it was sent to can carry. Nothing was sent; the sizes say by
 * how much it is over.
 */
public class MessageTooLargeException extends IpcLimitException {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long maximum;

    public MessageTooLargeException(String operation, String objectName, long size, long maximum) {
        super(operation, objectName, null, "a message of " + size + " bytes exceeds the maximum of " + maximum
                + " bytes");
        this.size = size;
        this.maximum = maximum;
    }

    /** The size of the message that was refused. */
    public long size() {
        return size;
    }

    /** The largest message the object carries. */
    public long maximum() {
        return maximum;
    }
}
