package io.ffmipc.posix;

/**
 * The kernel's System V limits, which each OS keeps in its own place (Linux: {@code /proc/sys/kernel};
 * macOS: the {@code kern.sysv} sysctls), for the size checks and the messages of the layer's System V
 * classes.
 */
public interface SystemVLimits {

    /** The largest shared memory segment ({@code shmmax}); {@link Long#MAX_VALUE} if unlimited or unknown. */
    long maxSegmentSize();

    /** The largest single message ({@code msgmax}); -1 if unknown. */
    long maxMessageSize();

    /**
     * A limit as messages name it, with its value now: {@code "/proc/sys/kernel/msgmax (now 8192)"}.
     *
     * @param name the limit's name: {@code msgmax}, {@code msgmnb} (default bytes of a queue) or
     *             {@code msgmni} (most queues)
     */
    String shown(String name);

    /**
     * The per-process limit on {@code SEM_UNDO} entries as messages name it, where the OS has one
     * that {@code semop} reports as {@code EINVAL} like a removed set (macOS: {@code SEMUME}, 10 by
     * default), so a process holding that many robust mutexes at once is told so; null where the
     * OS reports no such limit this way (Linux).
     */
    default String undoEntriesPerProcess() {
        return null;
    }
}
