package io.ffmipc;

/**
 * A receive buffer is too small, on every kind that receives messages (message queues, channels,
 * message pipes): the same exception type for the same mistake. Nothing is received and nothing is
 * lost: the message stays queued. The message names both sizes: receive again with a buffer of at
 * least {@link #messageSize()} bytes.
 */
public class ReceiveBufferTooSmallException extends IpcLimitException {
    private static final long serialVersionUID = 1L;

    private final long messageSize;
    private final long bufferSize;

    /** The next message, of {@code messageSize} bytes, does not fit. */
    public ReceiveBufferTooSmallException(String operation, String objectName, long messageSize, long bufferSize) {
        this(operation, objectName, messageSize, bufferSize, "the next message has " + messageSize
                + " bytes but the buffer only " + bufferSize + "; it is still queued, receive it with a buffer of at least "
                + messageSize + " bytes");
    }

    /**
     * The buffer is smaller than a rule of the object requires (a queue that cannot tell the next
     * message's size in advance needs room for its largest); {@code detail} states the rule.
     */
    public ReceiveBufferTooSmallException(String operation, String objectName, long requiredSize, long bufferSize,
                                          String detail) {
        super(operation, objectName, null, detail);
        this.messageSize = requiredSize;
        this.bufferSize = bufferSize;
    }

    /** The size the buffer needs: the waiting message's, or the largest the object may hold. */
    public long messageSize() {
        return messageSize;
    }

    /** The size of the buffer that was too small. */
    public long bufferSize() {
        return bufferSize;
    }
}
