package io.ffmipc;

/**
 * How a message queue is created; ignored when an existing queue is opened (its own attributes
 * apply, see {@link MessageQueue#attributes()}).
 *
 * @param maxMessages    the most messages waiting at once (at least 1); the OS may cap it
 *                       (Linux: {@code /proc/sys/fs/mqueue/msg_max} for unprivileged processes)
 * @param maxMessageSize the largest message in bytes (at least 1); the OS may cap it
 *                       (Linux: {@code /proc/sys/fs/mqueue/msgsize_max})
 * @param permissions    who may open the queue; owner-only by default
 */
public record MessageQueueOptions(long maxMessages, long maxMessageSize, Permissions permissions) {
    /** 10 messages: the Linux default ({@code msg_default}) and within every unprivileged cap. */
    public static final long DEFAULT_MAX_MESSAGES = 10;
    /** 8192 bytes: the Linux default ({@code msgsize_default}). */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 8192;

    /** Checks the options; {@link IllegalArgumentException} says which is out of range. */
    public MessageQueueOptions {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("a message queue must hold at least 1 message, got " + maxMessages);
        }
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("the largest message must be at least 1 byte, got " + maxMessageSize);
        }
        if (permissions == null) {
            throw new IllegalArgumentException("permissions are required (Permissions.OWNER_ONLY is the default)");
        }
    }

    /** 10 messages of up to 8192 bytes, owner-only. */
    public static MessageQueueOptions defaults() {
        return new MessageQueueOptions(DEFAULT_MAX_MESSAGES, DEFAULT_MAX_MESSAGE_SIZE, Permissions.OWNER_ONLY);
    }

    /** These options with another number of messages the queue holds. */
    public MessageQueueOptions withMaxMessages(long n) {
        return new MessageQueueOptions(n, maxMessageSize, permissions);
    }

    /** These options with another largest message size, in bytes. */
    public MessageQueueOptions withMaxMessageSize(long bytes) {
        return new MessageQueueOptions(maxMessages, bytes, permissions);
    }

    /** These options with other permissions for a queue this call creates. */
    public MessageQueueOptions withPermissions(Permissions p) {
        return new MessageQueueOptions(maxMessages, maxMessageSize, p);
    }
}
