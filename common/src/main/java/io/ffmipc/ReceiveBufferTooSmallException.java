package io.ffmipc;

/**
 * The next message does not fit the buffer given to receive it. The message stays queued: receive
 * again with a buffer of at least {@link #messageSize()} bytes. Nothing is truncated silently. The
 * same type for every kind that carries messages (message queue, channel, message pipe), with both
 * sizes; a limit, so it is an {@link IpcLimitException}.
 */
public class ReceiveBufferTooSmallException extends IpcLimitException {
    private static final long serialVersionUID = 1L;

    /** The size of the next message, or -1 where the object cannot tell it. */
    private final long messageSize;
    /** The size of the buffer that was given. */
    private final long bufferSize;

    /** The next message, of {@code messageSize} bytes, does not fit. */
    public ReceiveBufferTooSmallException(String operation, String objectName, long messageSize, long bufferSize) {
        this(operation, objectName, messageSize, bufferSize, "the next message has " + messageSize
                + " bytes but the buffer only " + bufferSize + "; it is still queued, receive it with a buffer of at least "
                + messageSize + " bytes");
    }

    private ReceiveBufferTooSmallException(String operation, String objectName, long messageSize, long bufferSize,
                                           String detail) {
        super(operation, objectName, null, detail);
        this.messageSize = messageSize;
        this.bufferSize = bufferSize;
    }

    /**
     * For an object that cannot tell the size of its next message before receiving it (a POSIX
     * message queue), so every buffer must hold the largest message it may deliver:
     * {@link #messageSize()} is that largest size. Nothing was received.
     *
     * @param limit names the limit where the OS has a name for it ({@code "mq_msgsize"}), or null
     */
    public static ReceiveBufferTooSmallException forLargestMessage(String operation, String objectName,
                                                                   long maxMessageSize, long bufferSize, String limit) {
        return new ReceiveBufferTooSmallException(operation, objectName, maxMessageSize, bufferSize,
                "the receive buffer holds " + bufferSize + " bytes but messages on it may have up to " + maxMessageSize
                        + (limit != null ? " (" + limit + ")" : "") + "; pass a buffer of at least " + maxMessageSize
                        + " bytes (nothing was received)");
    }

    /** The size of the message waiting to be received (or the largest one, see {@link #forLargestMessage}). */
    public long messageSize() {
        return messageSize;
    }

    /** The size of the buffer that was too small. */
    public long bufferSize() {
        return bufferSize;
    }
}
