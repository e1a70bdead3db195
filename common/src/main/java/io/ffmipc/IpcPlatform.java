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

    /** Creates an unnamed event that can be handed to a child process. */
    Event event(EventMode mode);

    /** In a child process: the event its parent handed over with this token. */
    Event inheritedEvent(String token, EventMode mode);

    /** Prepares a child process that can inherit handles. */
    ChildLauncher launcher(List<String> command);

    /**
     * Opens or creates the named shared-memory {@link Channel} (see {@link ChannelOptions} for the
     * capacity, wait strategy, mode and permissions). Portable: the channel is built in
     * {@code common} on this platform's shared memory and wait seam; its shared-memory object has
     * the channel's name.
     */
    default Channel channel(String name, OpenMode mode, ChannelOptions options) {
        return io.ffmipc.channel.SharedMemoryChannel.open(this, name, mode, options);
    }

    /** Removes a channel's shared memory; {@code false} if there was none. Open ends keep working. */
    default boolean removeChannel(String name) {
        return removeSharedMemory(name);
    }

    /** The IPC objects visible on this machine. */
    List<IpcObjectInfo> list();
}
