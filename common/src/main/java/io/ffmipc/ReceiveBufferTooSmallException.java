package io.ffmipc;

/**
 * The next message does not fit the buffer given to receive it. The message stays queued: receive
 * again with a buffer of at least {@link #messageSize()} bytes. Nothing is truncated silently.
 */
public class ReceiveBufferTooSmallException extends IpcException {
    private static final long serialVersionUID = 1L;

    private final long messageSize;
    private final long bufferSize;

    public ReceiveBufferTooSmallException(String operation, String objectName, long messageSize, long bufferSize) {
        super(operation, objectName, null, "the next message has " + messageSize + " bytes but the buffer only "
                + bufferSize + "; it is still queued, receive it with a buffer of at least " + messageSize + " bytes");
        this.messageSize = messageSize;
        this.bufferSize = bufferSize;
    }

    /** The size of the message waiting to be received. */
    public long messageSize() {
        return messageSize;
    }

    /** The size of the buffer that was too small. */
    public long bufferSize() {
        return bufferSize;
    }
}
