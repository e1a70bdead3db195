package io.ffmipc;

/**
 * A message is longer than the largest the object takes. Nothing was sent: split the message or
 * create the object with a larger maximum. The same type for every kind that carries messages
 * (message queue, channel, message pipe), with both sizes.
 */
public class MessageTooLargeException extends IpcLimitException {
    private static final long serialVersionUID = 1L;

    /** The size of the message that was refused. */
    private final long messageSize;
    /** The largest message the object takes. */
    private final long maxMessageSize;

    /** A message of {@code messageSize} bytes was refused; the object takes at most {@code maxMessageSize}. */
    public MessageTooLargeException(String operation, String objectName, long messageSize, long maxMessageSize) {
        this(operation, objectName, messageSize, maxMessageSize, null);
    }

    /**
     * A message of {@code messageSize} bytes was refused, naming the OS's limit.
     *
     * @param limit names the limit where the OS has a name for it ({@code "mq_msgsize"}), or null
     */
    public MessageTooLargeException(String operation, String objectName, long messageSize, long maxMessageSize,
                                    String limit) {
        super(operation, objectName, null, "the message has " + messageSize + " bytes but at most " + maxMessageSize
                + " fit in one message" + (limit != null ? " (" + limit + ")" : "") + "; nothing was sent");
        this.messageSize = messageSize;
        this.maxMessageSize = maxMessageSize;
    }

    /** The size of the message that was refused. */
    public long messageSize() {
        return messageSize;
    }

    /** The largest message the object takes. */
    public long maxMessageSize() {
        return maxMessageSize;
    }
}
