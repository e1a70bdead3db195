package io.ffmipc.cli;

import io.ffmipc.IpcPlatform;

/**
 * The kinds of IPC object the commands remove: the word {@code ffmipc rm} takes (and the alias
 * {@code ffmipc ls} prints), the words a report uses, and, for kinds removed by portable name, the
 * removal call. The one table behind {@code ffmipc rm KIND} and every {@code <kind> rm NAME}.
 */
enum ObjectKind {
    shm("posix-shm", "shared memory"),
    sem("posix-sem", "semaphore"),
    mq("posix-mq", "message queue"),
    mutex(null, "mutex"),
    fifo(null, "stream pipe"),
    event(null, "event"),
    condition(null, "condition"),
    barrier(null, "barrier"),
    rwlock(null, "read-write lock"),
    sysv_shm(null, "System V shared memory"),
    sysv_sem(null, "System V semaphore set"),
    sysv_msg(null, "System V message queue");

    private final String lsAlias;
    private final String title;

    ObjectKind(String lsAlias, String title) {
        this.lsAlias = lsAlias;
        this.title = title;
    }

    /** The kind a command-line word names (its own or ls's), or null. */
    static ObjectKind parse(String text) {
        for (ObjectKind k : values()) {
            if (k.label().equals(text) || text.equals(k.lsAlias)) {
                return k;
            }
        }
        return null;
    }

    boolean systemV() {
        return name().startsWith("sysv");
    }

    /** The command-line word, such as {@code sysv-shm}. */
    String label() {
        return name().replace('_', '-');
    }

    /** The words a report uses, such as {@code read-write lock}. */
    String title() {
        return title;
    }

    /** Removes a named object of this kind; false if there was none. */
    boolean removeNamed(IpcPlatform p, String name) {
        return switch (this) {
            case shm -> p.removeSharedMemory(name);
            case sem -> p.removeSemaphore(name);
            case mq -> p.removeMessageQueue(name);
            case mutex -> p.removeMutex(name);
            case fifo -> p.removeStreamPipe(name);
            case event -> p.removeEvent(name);
            case condition -> p.removeCondition(name);
            case barrier -> p.removeBarrier(name);
            case rwlock -> p.removeReadWriteLock(name);
            case sysv_shm, sysv_sem, sysv_msg -> throw new IllegalStateException(label() + " is removed by key");
        };
    }
}
