package io.ffmipc.posix;

/**
 * Why the OS refused to create a POSIX message queue, in its own terms: which limit, where it is
 * set and its value now. The limits are OS facts (Linux: the files under
 * {@code /proc/sys/fs/mqueue} and RLIMIT_MSGQUEUE), so the provider supplies them; the layer asks
 * only after {@code mq_open} failed.
 */
@FunctionalInterface
public interface MessageQueueLimits {
    /** Says nothing beyond the OS error. */
    MessageQueueLimits NONE = (errno, maxMessages, maxMessageSize) -> null;

    /**
     * The explanation of {@code errno} from {@code mq_open(O_CREAT)} with these sizes, naming the
     * limit and its value; null if this errno is not about a limit.
     */
    String refused(int errno, long maxMessages, long maxMessageSize);
}
