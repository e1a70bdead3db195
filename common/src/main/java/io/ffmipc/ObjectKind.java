package io.ffmipc;

import java.util.Locale;

/**
 * The kinds of IPC object the library makes and {@link IpcPlatform#list()} shows: one table behind
 * listing ({@link IpcObjectInfo#kind()}), removal ({@link IpcPlatform#remove(ObjectKind, String)},
 * {@code ffmipc rm KIND NAME}) and the tests' leak checks, the same on every OS.
 */
public enum ObjectKind {
    /** Named shared memory ({@link IpcPlatform#sharedMemory}). */
    SHARED_MEMORY("shm", "shared memory", "posix-shm"),
    /** A named counting semaphore ({@link IpcPlatform#semaphore}). */
    SEMAPHORE("sem", "semaphore", "posix-sem"),
    /** The OS's message queue ({@link IpcPlatform#messageQueue}). */
    MESSAGE_QUEUE("mq", "message queue", "posix-mq"),
    /** A robust mutex ({@link IpcPlatform#mutex}). */
    MUTEX("mutex", "robust mutex", null),
    /** A named event ({@link IpcPlatform#event(String, OpenMode, EventKind)}). */
    EVENT("event", "event", null),
    /** A process-shared condition ({@link IpcPlatform#condition}). */
    CONDITION("condition", "condition", null),
    /** A process-shared barrier ({@link IpcPlatform#barrier}). */
    BARRIER("barrier", "barrier", null),
    /** A process-shared read-write lock ({@link IpcPlatform#readWriteLock}). */
    READ_WRITE_LOCK("rwlock", "read-write lock", null),
    /** A shared-memory channel ({@link IpcPlatform#channel}). */
    CHANNEL("channel", "channel", null),
    /** The portable message queue on shared memory ({@link IpcPlatform#sharedMemoryMessageQueue}). */
    SHARED_MEMORY_QUEUE("shm-mq", "shared-memory message queue", null),
    /** A named byte-stream pipe ({@link IpcPlatform#createStreamPipe}). */
    STREAM_PIPE("fifo", "stream pipe", null),
    /** A listening server; its name goes away when it closes, so it is listed but not removed by name. */
    MESSAGE_PIPE("message-pipe", "message pipe", null),
    /** System V objects are named by key, not by a portable name. */
    SYSV_SHARED_MEMORY("sysv-shm", "System V shared memory", null),
    /** A System V semaphore set, named by key. */
    SYSV_SEMAPHORE_SET("sysv-sem", "System V semaphore set", null),
    /** A System V message queue, named by key. */
    SYSV_MESSAGE_QUEUE("sysv-msg", "System V message queue", null);

    private final String label;
    private final String title;
    private final String alias;

    ObjectKind(String label, String title, String alias) {
        this.label = label;
        this.title = title;
        this.alias = alias;
    }

    /** The word listings and commands use: {@code shm}, {@code rwlock}, {@code sysv-msg}. */
    public String label() {
        return label;
    }

    /** How messages name the kind: {@code read-write lock}. */
    public String title() {
        return title;
    }

    /** Whether objects of this kind are removed by a portable name ({@link IpcPlatform#remove}). */
    public boolean removableByName() {
        return this != MESSAGE_PIPE && !systemV();
    }

    /** Whether this is a System V kind, named by a key. */
    public boolean systemV() {
        return name().startsWith("SYSV_");
    }

    /** The kind a word names (its label, or an older listing's word such as {@code posix-shm}), or null. */
    public static ObjectKind parse(String word) {
        if (word == null) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT).replace('_', '-');
        for (ObjectKind k : values()) {
            if (k.label.equals(w) || w.equals(k.alias)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
