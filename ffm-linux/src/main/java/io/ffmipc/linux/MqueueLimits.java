package io.ffmipc.linux;

import io.ffmipc.linux.ffi.Errno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Explains why the kernel refused a POSIX message queue, naming the limit and its current value.
 * The kernel checks, in {@code mq_open}: the depth against {@code /proc/sys/fs/mqueue/msg_max} and
 * the message size against {@code msgsize_max} (EINVAL; a process with CAP_SYS_RESOURCE may go up to
 * the hard caps 65536 and 16 MiB instead); the number of queues against {@code queues_max}
 * (ENOSPC, unless privileged); and the bytes all of a user's queues may reserve against
 * RLIMIT_MSGQUEUE (EMFILE, for everyone — the same code as a full descriptor table).
 */
final class MqueueLimits {
    static final Path DIR = Path.of("/proc/sys/fs/mqueue");
    /** HARD_MSGMAX and HARD_MSGSIZEMAX of ipc/mqueue.c: the caps even a privileged process meets. */
    static final long HARD_MSGMAX = 65536;
    static final long HARD_MSGSIZEMAX = 16L * 1024 * 1024;

    private MqueueLimits() {
    }

    /** The value of {@code /proc/sys/fs/mqueue/<file>}, or -1 if unreadable. */
    static long read(String file) {
        return ProcValues.read(DIR.resolve(file));
    }

    private static String shown(String file) {
        return ProcValues.shown(DIR.resolve(file));
    }

    /**
     * The POSIX layer's hook ({@link io.ffmipc.posix.MessageQueueLimits}): the explanation of an
     * errno from {@code mq_open(O_CREAT)}, or null if it is not about a limit.
     */
    static String refused(int errno, long maxMessages, long maxMessageSize) {
        if (errno == Errno.EINVAL.intValue()) {
            return invalidAttributes(maxMessages, maxMessageSize);
        }
        if (errno == Errno.ENOSPC.intValue()) {
            return tooManyQueues();
        }
        if (errno == Errno.EMFILE.intValue()) {
            return outOfQueueBytes(maxMessages, maxMessageSize);
        }
        return null;
    }

    /** For EINVAL from mq_open with attributes: which of depth and size is over its limit. */
    static String invalidAttributes(long maxMessages, long maxMessageSize) {
        long msgMax = read("msg_max");
        long sizeMax = read("msgsize_max");
        StringBuilder sb = new StringBuilder();
        if (maxMessages > HARD_MSGMAX || (msgMax >= 0 && maxMessages > msgMax)) {
            sb.append("max messages ").append(maxMessages).append(" exceeds ").append(shown("msg_max"));
        }
        if (maxMessageSize > HARD_MSGSIZEMAX || (sizeMax >= 0 && maxMessageSize > sizeMax)) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append("max message size ").append(maxMessageSize).append(" bytes exceeds ").append(shown("msgsize_max"));
        }
        if (sb.isEmpty()) {
            sb.append("the kernel refused max messages ").append(maxMessages).append(" × ").append(maxMessageSize)
                    .append(" bytes; limits are ").append(shown("msg_max")).append(" and ").append(shown("msgsize_max"));
        }
        return sb.append(" — processes with CAP_SYS_RESOURCE may go up to ").append(HARD_MSGMAX)
                .append(" messages of ").append(HARD_MSGSIZEMAX).append(" bytes").toString();
    }

    /** For ENOSPC: the system-wide queue count. */
    static String tooManyQueues() {
        return "the system has reached " + shown("queues_max") + " message queues";
    }

    /** For EMFILE: most often RLIMIT_MSGQUEUE (bytes all of this user's queues reserve), else the descriptor limit. */
    static String outOfQueueBytes(long maxMessages, long maxMessageSize) {
        return "this queue would reserve about " + Math.multiplyExact(maxMessages, maxMessageSize)
                + " bytes plus overhead, beyond this user's RLIMIT_MSGQUEUE (ulimit -q, now "
                + rlimitMsgqueue() + " bytes for all its queues together); or the process has no descriptor left";
    }

    /** The soft RLIMIT_MSGQUEUE of this process, as /proc/self/limits shows it. */
    static String rlimitMsgqueue() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max msgqueue size")) {
                    String[] f = line.substring("Max msgqueue size".length()).trim().split("\\s+");
                    return f[0];
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "unknown";
    }
}
