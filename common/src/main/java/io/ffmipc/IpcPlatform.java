package io.ffmipc;

import java.nio.file.Path;
import java.util.List;

/**
 * The IPC primitives of the running OS, reached through {@link Ipc#platform()}. Names are portable
 * names (see {@link IpcNames}); each OS maps them onto its own namespace.
 */
public interface IpcPlatform {

    /** The OS this platform drives, as the matrix names it. */
    String os();

    /** What this OS offers natively, emulated or not at all. */
    CapabilityMatrix matrix();

    /** Limits of this OS that callers may need to respect. */
    Limits limits();

    /** Opens or creates named shared memory of {@code size} bytes, owner-only if created. */
    default SharedMemory sharedMemory(String name, OpenMode mode, long size) {
        return sharedMemory(name, mode, size, Permissions.OWNER_ONLY);
    }

    /**
     * Opens or creates named shared memory. When opening an existing object, {@code size} may be 0
     * to map the object whole; otherwise it must not exceed the object's size.
     */
    SharedMemory sharedMemory(String name, OpenMode mode, long size, Permissions permissions);

    /** Removes a named shared memory object; {@code false} if there was none. */
    boolean removeSharedMemory(String name);

    /** Maps a file into memory, shared with every process that maps it. */
    SharedMemory mapFile(Path file, OpenMode mode, long size, Permissions permissions);

    /** Opens or creates a named counting semaphore, owner-only if created. */
    default Semaphore semaphore(String name, OpenMode mode, int initialValue) {
        return semaphore(name, mode, initialValue, Permissions.OWNER_ONLY);
    }

    /** Opens or creates a named counting semaphore; {@code initialValue} applies only on creation. */
    Semaphore semaphore(String name, OpenMode mode, int initialValue, Permissions permissions);

    /** Removes a named semaphore; {@code false} if there was none. */
    boolean removeSemaphore(String name);

    /** Opens or creates a named message queue with {@link MessageQueueOptions#defaults()} if created. */
    default MessageQueue messageQueue(String name, OpenMode mode) {
        return messageQueue(name, mode, MessageQueueOptions.defaults());
    }

    /**
     * Opens or creates a named message queue; {@code options} (sizes, permissions) apply only when
     * this call creates it.
     */
    MessageQueue messageQueue(String name, OpenMode mode, MessageQueueOptions options);

    /** Removes a named message queue; {@code false} if there was none. */
    boolean removeMessageQueue(String name);

    /** Creates an unnamed event that can be handed to a child process. */
    Event event(EventMode mode);

    /** In a child process: the event its parent handed over with this token. */
    Event inheritedEvent(String token, EventMode mode);

    /**
     * Opens or creates a named event that unrelated processes share (see {@link NamedEvent} for the
     * set/reset semantics of each kind). Owner-only if created; created reset. Opening an event of
     * the other kind is refused; with {@link OpenMode#OPEN}, {@code kind} may be null to take the
     * event as it is.
     */
    default NamedEvent event(String name, OpenMode mode, EventKind kind) {
        return io.ffmipc.sync.SharedEvent.open(this, name, mode, kind);
    }

    /** Removes a named event; {@code false} if there was none. */
    default boolean removeEvent(String name) {
        return io.ffmipc.sync.SharedEvent.remove(this, name);
    }

    /** Opens or creates a process-shared condition with its mutex (see {@link Condition}). */
    default Condition condition(String name, OpenMode mode) {
        return io.ffmipc.sync.SharedCondition.open(this, name, mode);
    }

    /** Removes a named condition; {@code false} if there was none. */
    default boolean removeCondition(String name) {
        return io.ffmipc.sync.SharedCondition.remove(this, name);
    }

    /**
     * Opens or creates a process-shared barrier for {@code parties} parties (at least 1); opening
     * one made for another number of parties is refused.
     */
    default Barrier barrier(String name, OpenMode mode, int parties) {
        return io.ffmipc.sync.SharedBarrier.open(this, name, mode, parties);
    }

    /** Removes a named barrier; {@code false} if there was none. */
    default boolean removeBarrier(String name) {
        return io.ffmipc.sync.SharedBarrier.remove(this, name);
    }

    /** Opens or creates a process-shared read-write lock (writer preference, see {@link ReadWriteLock}). */
    default ReadWriteLock readWriteLock(String name, OpenMode mode) {
        return io.ffmipc.sync.SharedReadWriteLock.open(this, name, mode);
    }

    /** Removes a named read-write lock; {@code false} if there was none. */
    default boolean removeReadWriteLock(String name) {
        return io.ffmipc.sync.SharedReadWriteLock.remove(this, name);
    }

    /** Prepares a child process that can inherit handles. */
    ChildLauncher launcher(List<String> command);

    /** The IPC objects visible on this machine. */
    List<IpcObjectInfo> list();
}
