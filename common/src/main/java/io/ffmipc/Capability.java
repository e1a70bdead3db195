package io.ffmipc;

/** A row of the capability matrix: one kind of IPC an application may ask for. */
public enum Capability {
    /** {@link IpcPlatform#sharedMemory}: shared memory that unrelated processes open by name. */
    NAMED_SHARED_MEMORY("named shared memory"),
    /** {@link IpcPlatform#mapFile}: a file mapped into memory, shared with every process that maps it. */
    MAPPED_FILE("mapped file"),
    /** {@link IpcPlatform#anonymousSharedMemory}: shared memory in no namespace, handed to another process by handle. */
    ANONYMOUS_SHARED_MEMORY("unnamed shared memory (passed by handle)"),
    /** {@link IpcPlatform#semaphore}: a named counting semaphore with timed waits. */
    SEMAPHORE("counting semaphore, timed"),
    /** {@link IpcPlatform#mutex}: a mutex whose next holder is told when the previous one died holding it. */
    ROBUST_MUTEX("robust mutex (owner death reported)"),
    /** {@link IpcPlatform#event}: events that one process sets and others wait for, named or handed over. */
    EVENT("event (signal/wait)"),
    /** {@link IpcPlatform#messageQueue}: the OS's message queue, with timeouts and, where it has them, priorities. */
    MESSAGE_QUEUE("message queue, timed, priorities"),
    /** {@link IpcPlatform#createStreamPipe}: a named one-way stream of bytes (a FIFO, a byte-mode named pipe). */
    BYTE_STREAM_PIPE("byte-stream pipe"),
    /** {@link IpcPlatform#messagePipeServer}: a duplex connection that keeps message boundaries and knows its peer. */
    MESSAGE_PIPE("message pipe, duplex, peer identity"),
    /** Handing an OS handle to another process: over a message pipe or to a child started by {@link IpcPlatform#launcher}. */
    HANDLE_PASSING("handle passing"),
    /** {@link IpcPlatform#channel}: the library's duplex shared-memory ring on the OS's wait primitive. */
    CHANNEL("high-performance channel"),
    /** Whether named objects stay until removed, or die with their last handle (Windows). */
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
