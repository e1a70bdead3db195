package io.ffmipc;

/** A row of the capability matrix: one kind of IPC an application may ask for. */
public enum Capability {
    NAMED_SHARED_MEMORY("named shared memory"),
    MAPPED_FILE("mapped file"),
    ANONYMOUS_SHARED_MEMORY("unnamed shared memory (passed by handle)"),
    SEMAPHORE("counting semaphore, timed"),
    ROBUST_MUTEX("robust mutex (owner death reported)"),
    EVENT("event (signal/wait)"),
    MESSAGE_QUEUE("message queue, timed, priorities"),
    BYTE_STREAM_PIPE("byte-stream pipe"),
    MESSAGE_PIPE("message pipe, duplex, peer identity"),
    HANDLE_PASSING("handle passing"),
    CHANNEL("high-performance channel"),
    PERSISTENT_NAMES("persistent names (objects outlive their last handle)"),
    /** The {@link SystemV} extension, reached through {@link IpcPlatform#systemV()}. */
    SYSTEM_V("System V IPC (keys, semaphore sets, typed message queues)");

    private final String title;

    Capability(String title) {
        this.title = title;
    }

    /** The row's title as the README and {@code ffmipc matrix} print it. */
    public String title() {
        return title;
    }
}
