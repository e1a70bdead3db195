package io.ffmipc;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * System V IPC by numeric key, on the OS that have it (Linux, macOS): an extension beside the
 * portable API for what only System V offers — shared memory that reports its attachments,
 * semaphore sets changed atomically with {@code SEM_UNDO}, and message queues whose messages carry
 * a type a receive can select by. Reached through {@link IpcPlatform#systemV()}, present where the
 * matrix row {@link Capability#SYSTEM_V} is supported.
 *
 * <p>Keys are any {@code int} but {@code IPC_PRIVATE} (0), which names no shared object. Objects
 * live until removed (or the machine restarts); {@code close()} only ends this process's use.
 *
 * <p>Opening is as strict as the portable API's: an existing object whose owner
 * ({@code ipc_perm.uid}) is not this process's user is refused with
 * {@link IpcAccessDeniedException} naming the owner, unless the caller passes
 * {@link Permissions#acceptingForeignOwner()} — another user who creates a key first could
 * otherwise read or change what this process writes. Objects are created with exactly the
 * requested mode (System V applies no umask).
 */
public interface SystemV {
    /** How long an opener of a semaphore set waits by default for its creator to finish initialising it. */
    Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);

    // ------------------------------------------------------------------ shared memory

    /**
     * Creates or opens the segment with this key and attaches it.
     *
     * @param key         any key but {@code IPC_PRIVATE} (0) and -1 (what a failed {@code ftok} returns)
     * @param size        bytes; at least 1 when it may be created; when opening, 0 attaches the
     *                    whole segment and anything larger than the segment is refused
     * @param permissions the mode of a new segment (exactly; no umask applies), and whether an
     *                    existing one may belong to another user
     */
    Segment sharedMemory(int key, OpenMode mode, long size, Permissions permissions);

    /** Removes the segment with this key ({@code IPC_RMID}); false if there is none. Attachments live on. */
    boolean removeSharedMemory(int key);

    /** The largest segment the kernel allows ({@code shmmax}), {@link Long#MAX_VALUE} when it does not say. */
    long maxSegmentSize();

    // ------------------------------------------------------------------ semaphore sets

    /** Opens or creates with owner-only permissions and the default init timeout. */
    default SemaphoreSet semaphoreSet(int key, OpenMode mode, int count, int... initialValues) {
        return semaphoreSet(key, mode, count, Permissions.OWNER_ONLY, DEFAULT_INIT_TIMEOUT, initialValues);
    }

    /**
     * Opens or creates the set for {@code key}. Creation is race-free: openers wait (at most
     * {@code initTimeout}) until the creator has set the initial values.
     *
     * @param count         semaphores in the set (1 or more; when only opening, 0 accepts any size)
     * @param initialValues applied only when this call creates the set: none (all 0), one (for every
     *                      semaphore) or one per semaphore; each 0 to {@link #maxSemaphoreValue()}
     */
    SemaphoreSet semaphoreSet(int key, OpenMode mode, int count, Permissions permissions, Duration initTimeout,
                              int... initialValues);

    /** Removes the set for {@code key} ({@code IPC_RMID}); false if there is none. Waiters elsewhere fail. */
    boolean removeSemaphoreSet(int key);

    /** The largest value of a System V semaphore ({@code SEMVMX}, 32767). */
    int maxSemaphoreValue();

    // ------------------------------------------------------------------ message queues

    /** Opens or creates the queue for {@code key}, owner-only when created. */
    default MessageQueue messageQueue(int key, OpenMode mode) {
        return messageQueue(key, mode, Permissions.OWNER_ONLY);
    }

    /** Opens or creates the queue for {@code key}; the mode applies only on creation. */
    MessageQueue messageQueue(int key, OpenMode mode, Permissions permissions);

    /** Removes the queue for {@code key} ({@code IPC_RMID}); false if there is none. */
    boolean removeMessageQueue(int key);

    /** The largest single message the kernel takes ({@code msgmax}), -1 when it does not say. */
    long maxMessageSize();

    /**
     * A System V shared memory segment attached to this process ({@code shmat}) until
     * {@link #close()} ({@code shmdt}). {@link #name()} is {@code key 0x<8 hex digits>}; it has no
     * handle to pass ({@link #handle()} is empty): pass the key.
     */
    interface Segment extends SharedMemory {
        /** The key it was opened by. */
        int key();

        /** The kernel's identifier (as {@code ipcs} shows it). */
        int id();

        /** What the kernel reports about it now. */
        Status stat();

        /**
         * Marks it for removal ({@code IPC_RMID}): the key is free at once, the memory lives until
         * every process has detached. False if it was already removed.
         */
        boolean remove();

        /** The same as {@link #remove()}. */
        @Override
        default void unlink() {
            remove();
        }

        /**
         * What {@code shmctl(IPC_STAT)} reports about a segment.
         *
         * @param size        its size in bytes ({@code shm_segsz})
         * @param attachCount how many attachments it has now, in all processes ({@code shm_nattch})
         * @param creatorPid  the process that created it ({@code shm_cpid})
         * @param lastPid     the process that last attached or detached it ({@code shm_lpid})
         * @param ownerUid    the owner's user id ({@code shm_perm.uid})
         * @param mode        its permission bits ({@code shm_perm.mode & 0777})
         * @param removed     whether it was removed and lives on only until its last detach
         *                    ({@code SHM_DEST}; false where the OS does not report it)
         */
        record Status(long size, long attachCount, int creatorPid, int lastPid, int ownerUid, int mode,
                      boolean removed) {
        }
    }

    /**
     * A System V semaphore set: several semaphores changed atomically, {@code SEM_UNDO} (the kernel
     * reverses a process's operations when it dies), and the last operator's pid. Values are 0 to
     * {@link SystemV#maxSemaphoreValue()}. {@link #close()} ends this object's use only.
     */
    interface SemaphoreSet extends AutoCloseable {
        /** The key the set was opened by. */
        int key();

        /** The kernel's identifier (as {@code ipcs -s} shows it). */
        int id();

        /** How many semaphores it has. */
        int size();

        /** Whether this call created the set (and so initialised it). */
        boolean created();

        /** Takes one unit of semaphore {@code sem}, waiting without limit. */
        void acquire(int sem, boolean undo);

        /** Takes one unit of semaphore {@code sem}, waiting at most {@code timeout}; false on timeout. */
        boolean tryAcquire(int sem, boolean undo, Duration timeout);

        /** Returns one unit to semaphore {@code sem}. */
        void release(int sem, boolean undo);

        /**
         * One {@code semop} on semaphore {@code sem}: {@code delta} &gt; 0 adds, &lt; 0 takes (waiting while
         * the value is too small), 0 waits until the value is 0. With {@code undo} the kernel reverses
         * the change when this process exits. {@code timeout} null waits without limit, zero does not
         * wait ({@code IPC_NOWAIT}). Returns false on timeout.
         */
        boolean operate(int sem, int delta, boolean undo, Duration timeout);

        /** The value of semaphore {@code sem} ({@code GETVAL}). */
        int value(int sem);

        /** Sets semaphore {@code sem} ({@code SETVAL}); also clears every process's undo entry for it. */
        void setValue(int sem, int value);

        /** The pid of the last process that operated on semaphore {@code sem} ({@code GETPID}). */
        int lastPid(int sem);

        /** How many processes wait for semaphore {@code sem} to grow ({@code GETNCNT}). */
        int waitingCount(int sem);

        /** {@code IPC_STAT}: times, size, owner and mode. */
        Stat stat();

        /** Deletes the set for every process ({@code IPC_RMID}); waiters elsewhere fail. */
        void remove();

        /** Ends this object's use of the set; the set stays until removed. Safe to call twice. */
        @Override
        void close();

        /**
         * What {@code IPC_STAT} reports.
         *
         * @param lastOperation time of the last semop ({@link Instant#EPOCH} if none yet)
         * @param lastChange    time of the last change by semctl or creation
         * @param mode          permission bits (the 0777 part of {@code ipc_perm.mode})
         */
        record Stat(int key, int id, int nsems, Instant lastOperation, Instant lastChange,
                    int ownerUid, int ownerGid, int creatorUid, int creatorGid, int mode) {
        }
    }

    /**
     * A System V message queue: every message carries a positive type, and a receive selects by it
     * ({@link Selector}): exactly one type, any type, or the lowest type up to a bound (a priority
     * queue where lower is more urgent). Bounded by bytes ({@link Stat#maxBytes()}), not by a count.
     *
     * <p>System V has no timed send or receive, and a thread blocked in one cannot be reached by a
     * Java interrupt: every waiting call polls with {@code IPC_NOWAIT}, yielding and then parking
     * for up to 2 ms between tries (a message that arrives while a receiver idles is seen at most
     * 2 ms late), checking the interrupt flag and {@link #close()} between tries.
     * {@link #close()} ends this object's use only; {@link #remove()} deletes the queue.
     */
    interface MessageQueue extends AutoCloseable {
        /** The key the queue was opened by. */
        int key();

        /** The kernel's identifier (as {@code ipcs -q} shows it). */
        int id();

        /** Whether this call created the queue. */
        boolean created();

        /**
         * Sends {@code payload} as a message of {@code type} (at least 1), waiting at most
         * {@code timeout} ({@code null}: without limit, {@link Duration#ZERO}: {@code IPC_NOWAIT})
         * while the queue is full. Returns {@code false} on timeout.
         */
        boolean send(long type, MemorySegment payload, Duration timeout);

        /** Sends a copy of {@code payload}; {@code false} on timeout. */
        default boolean send(long type, byte[] payload, Duration timeout) {
            return send(type, MemorySegment.ofArray(payload), timeout);
        }

        /**
         * Receives the first message {@code selector} picks into {@code buffer}, waiting at most
         * {@code timeout} ({@code null}: without limit, {@link Duration#ZERO}: {@code IPC_NOWAIT}).
         * Returns the bytes copied, or -1 on timeout. A message longer than the buffer is cut to fit
         * when {@code truncate} ({@code MSG_NOERROR}; the rest is lost), otherwise it stays in the
         * queue and an {@link IpcLimitException} (E2BIG) is thrown. {@code into} (may be null) gets
         * type and size.
         */
        long receive(MemorySegment buffer, Selector selector, boolean truncate, Received into, Duration timeout);

        /** Receives into a new array of at most {@code maxSize} bytes; empty on timeout. */
        Optional<Message> receive(Selector selector, int maxSize, boolean truncate, Duration timeout);

        /** {@code IPC_STAT}: counts, limits, pids, times, owner and mode. */
        Stat stat();

        /**
         * Sets the most bytes the queue holds ({@code IPC_SET} of {@code msg_qbytes}). Raising it
         * above the system's default ({@code msgmnb}) needs privilege.
         */
        void setMaxBytes(long maxBytes);

        /** Deletes the queue for every process ({@code IPC_RMID}); waiting processes fail. */
        void remove();

        /** Ends this object's use of the queue; the queue stays until removed. Safe to call twice. */
        @Override
        void close();

        /**
         * Which message a receive takes ({@code msgtyp} of msgrcv).
         *
         * @param msgtyp 0: the first message of any type; &gt; 0: the first of exactly that type;
         *               &lt; 0: the first of the lowest type that is at most {@code -msgtyp}
         */
        record Selector(long msgtyp) {
            /** The oldest message, whatever its type. */
            public static Selector any() {
                return new Selector(0);
            }

            /** The oldest message of type {@code type} (at least 1). */
            public static Selector exactly(long type) {
                if (type < 1) {
                    throw new IllegalArgumentException("a message type is at least 1, got " + type);
                }
                return new Selector(type);
            }

            /** The oldest message of the lowest type that is at most {@code bound} (at least 1). */
            public static Selector lowestAtMost(long bound) {
                if (bound < 1) {
                    throw new IllegalArgumentException("a message type bound is at least 1, got " + bound);
                }
                return new Selector(-bound);
            }
        }

        /** Where a zero-copy receive reports the message's type and size; reusable, one per thread. */
        final class Received {
            private long type;
            private long size = -1;

            /** An empty holder, to receive into again and again. */
            public Received() {
            }

            /** The type of the message received. */
            public long type() {
                return type;
            }

            /** Bytes copied into the buffer (after truncation); -1 after a timeout. */
            public long size() {
                return size;
            }

            /** Filled in by the queue on each receive. */
            public void set(long type, long size) {
                this.type = type;
                this.size = size;
            }
        }

        /** A received message as its own array. */
        record Message(long type, byte[] data) {
        }

        /**
         * What {@code IPC_STAT} reports.
         *
         * @param messages       messages in the queue ({@code msg_qnum})
         * @param bytes          bytes in the queue ({@code msg_cbytes})
         * @param maxBytes       most bytes the queue holds ({@code msg_qbytes})
         * @param lastSendPid    pid of the last msgsnd (0 if none)
         * @param lastReceivePid pid of the last msgrcv (0 if none)
         * @param mode           permission bits
         */
        record Stat(int key, int id, long messages, long bytes, long maxBytes, int lastSendPid,
                    int lastReceivePid, Instant lastSend, Instant lastReceive, Instant lastChange,
                    int ownerUid, int ownerGid, int mode) {
        }
    }
}
