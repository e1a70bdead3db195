package io.ffmipc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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

    /**
     * Creates unnamed shared memory of {@code size} bytes, zeroed: it is in no namespace, so nothing
     * can open it by name, nothing needs removing and a crash leaves nothing behind. Another process
     * gets it through {@link SharedMemory#handle()} (passed with {@link MessagePipe#sendHandle} or
     * inherited through {@link ChildLauncher#inherit}) and maps it with {@link #sharedMemoryFromHandle};
     * it lives until the last handle and mapping are gone. Its size is fixed for every process
     * (where the OS can enforce that: sealed on Linux). {@link SharedMemory#name()} is a label for
     * messages; {@link SharedMemory#unlink()} does nothing.
     */
    SharedMemory anonymousSharedMemory(long size);

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

    /** Opens or creates a named robust mutex, owner-only if created. */
    default RobustMutex mutex(String name, OpenMode mode) {
        return mutex(name, mode, Permissions.OWNER_ONLY);
    }

    /**
     * Opens or creates a named mutex that survives its owner's death (see {@link RobustMutex}).
     * Every process that uses it needs read and write permission.
     */
    RobustMutex mutex(String name, OpenMode mode, Permissions permissions);

    /** Removes a named mutex; {@code false} if there was none. Processes using it get errors from then on. */
    boolean removeMutex(String name);

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
        return event(name, mode, kind, Permissions.OWNER_ONLY);
    }

    /**
     * {@link #event(String, OpenMode, EventKind)} with the permissions a created event gets; every
     * process that uses it (waits or sets) needs read and write. Ignored when the event exists.
     */
    NamedEvent event(String name, OpenMode mode, EventKind kind, Permissions permissions);

    /** Removes a named event; {@code false} if there was none. */
    boolean removeEvent(String name);

    /** Opens or creates a process-shared condition with its mutex (see {@link Condition}). */
    default Condition condition(String name, OpenMode mode) {
        return condition(name, mode, Permissions.OWNER_ONLY);
    }

    /** {@link #condition(String, OpenMode)} with the permissions a created one gets (users need read and write). */
    Condition condition(String name, OpenMode mode, Permissions permissions);

    /** Removes a named condition; {@code false} if there was none. */
    boolean removeCondition(String name);

    /**
     * Opens or creates a process-shared barrier for {@code parties} parties (at least 1); opening
     * one made for another number of parties is refused.
     */
    default Barrier barrier(String name, OpenMode mode, int parties) {
        return barrier(name, mode, parties, Permissions.OWNER_ONLY);
    }

    /** {@link #barrier(String, OpenMode, int)} with the permissions a created one gets (users need read and write). */
    Barrier barrier(String name, OpenMode mode, int parties, Permissions permissions);

    /** Removes a named barrier; {@code false} if there was none. */
    boolean removeBarrier(String name);

    /** Opens or creates a process-shared read-write lock (writer preference, see {@link ReadWriteLock}). */
    default ReadWriteLock readWriteLock(String name, OpenMode mode) {
        return readWriteLock(name, mode, Permissions.OWNER_ONLY);
    }

    /** {@link #readWriteLock(String, OpenMode)} with the permissions a created one gets (users need read and write). */
    ReadWriteLock readWriteLock(String name, OpenMode mode, Permissions permissions);

    /** Removes a named read-write lock; {@code false} if there was none. */
    boolean removeReadWriteLock(String name);

    /**
     * A word of {@code memory} at {@code offset} (4-byte aligned, inside the mapping) that threads of
     * any process can sleep on until it changes (see {@link WaitWord}).
     *
     * @throws IllegalArgumentException        a misaligned or out-of-bounds offset
     * @throws UnsupportedCapabilityException  where the OS has no way to sleep on a shared word
     */
    WaitWord waitWord(SharedMemory memory, long offset);

    /** Prepares a child process that can inherit handles. */
    ChildLauncher launcher(List<String> command);

    /**
     * Opens or creates the named shared-memory {@link Channel} (see {@link ChannelOptions} for the
     * capacity, wait strategy, mode and permissions). Portable: the channel is built in
     * {@code common} on this platform's shared memory and wait seam, in a shared-memory object of
     * its own namespace (a channel never meets shared memory or another kind of the same name).
     */
    Channel channel(String name, OpenMode mode, ChannelOptions options);

    /**
     * Opens or creates the portable message queue built in {@code common} on this platform's shared
     * memory and wait seam: the queue Windows and macOS offer as {@link #messageQueue}, available on
     * every OS. Any handle sends and receives; FIFO only ({@link MessageQueue#maxPriority()} 0);
     * {@code maxMessages} exact; it lives in a shared-memory object of its own namespace. See
     * {@code io.ffmipc.channel.ChannelMessageQueue} for the layout and the precise semantics.
     */
    MessageQueue sharedMemoryMessageQueue(String name, OpenMode mode, MessageQueueOptions options);

    /** Removes a {@link #sharedMemoryMessageQueue}; {@code false} if there was none. Open handles keep working. */
    boolean removeSharedMemoryMessageQueue(String name);

    /** Removes a channel's shared memory; {@code false} if there was none. Open ends keep working. */
    boolean removeChannel(String name);

    /**
     * Maps shared memory from an OS handle another process passed ({@link MessagePipe#receiveHandle})
     * or this process inherited; the whole object is mapped. The handle is copied, so the caller
     * still closes its own.
     */
    SharedMemory sharedMemoryFromHandle(Inheritable handle);

    /**
     * In a child process: the shared memory its parent handed over with this token
     * ({@link ChildLauncher#inherit} of {@link SharedMemory#handle()}), mapped whole. The child takes
     * the inherited handle over: closing the returned object releases it.
     */
    SharedMemory inheritedSharedMemory(String token);

    /** An event from an OS handle another process passed or this one inherited; copied like {@link #sharedMemoryFromHandle}. */
    Event eventFromHandle(Inheritable handle, EventMode mode);

    /** This process as a peer sees it: its pid, effective uid and gid. */
    PeerIdentity currentProcess();

    /** Creates a named byte-stream pipe, owner-only; fails if the name exists. */
    default void createStreamPipe(String name) {
        createStreamPipe(name, Permissions.OWNER_ONLY);
    }

    /**
     * Creates a named byte-stream pipe with exactly these permissions (the umask does not narrow
     * them). On Linux a FIFO at {@code /tmp/<name>} that exists until removed; on Windows nothing
     * persists and the read end creates the pipe.
     *
     * @throws IpcObjectExistsException if the name exists
     */
    void createStreamPipe(String name, Permissions permissions);

    /** Removes a byte-stream pipe's name; open ends keep working. {@code false} if there was none. */
    boolean removeStreamPipe(String name);

    /**
     * Opens one end of a byte-stream pipe. The read end opens at once; the write end waits at most
     * {@code timeout} for a reader. A pipe another user created under the name is refused (see
     * {@link #openStreamPipe(String, StreamPipe.End, Duration, Permissions)}).
     *
     * @throws IpcTimeoutException      if no reader came in time (write end)
     * @throws NoSuchIpcObjectException if the name does not exist
     * @throws IpcAccessDeniedException if the pipe belongs to another user
     */
    default StreamPipe openStreamPipe(String name, StreamPipe.End end, Duration timeout) {
        return openStreamPipe(name, end, timeout, Permissions.OWNER_ONLY);
    }

    /**
     * {@link #openStreamPipe(String, StreamPipe.End, Duration)} with the caller's rule for pipes of
     * another user: refused ({@link IpcAccessDeniedException} naming the owner) unless
     * {@code permissions} {@linkplain Permissions#acceptingForeignOwner() accept another owner}.
     * Opening never creates, so the permission bits themselves do not matter here.
     */
    StreamPipe openStreamPipe(String name, StreamPipe.End end, Duration timeout, Permissions permissions);

    /** A message-pipe server that admits only clients of this process's user (see {@link #messagePipeServer(String, Predicate)}). */
    default MessagePipeServer messagePipeServer(String name) {
        long uid = currentProcess().uid();
        return messagePipeServer(name, peer -> peer.uid() == uid);
    }

    /**
     * A message-pipe server under a name in the OS's pipe namespace (Linux: the abstract socket
     * namespace, so there is no file to clean up and the name vanishes with the server). Abstract
     * names have no permissions: {@code admit} is what keeps other users out.
     *
     * @param admit decides from each client's identity whether it is served
     * @throws IpcObjectExistsException if a server already has the name
     */
    MessagePipeServer messagePipeServer(String name, Predicate<PeerIdentity> admit);

    /**
     * A message-pipe server at a socket file, created with exactly {@code permissions} (connecting
     * needs write permission) and removed when the server closes.
     */
    MessagePipeServer messagePipeServer(Path socketPath, Permissions permissions, Predicate<PeerIdentity> admit);

    /**
     * Connects to the server of that name, waiting at most {@code timeout} for it to exist and
     * accept.
     *
     * @throws NoSuchIpcObjectException if no server listened under the name during the whole timeout
     *                                  ("no server is listening on NAME": an error, not a timeout)
     * @throws IpcTimeoutException      if a server was there but did not take or answer the
     *                                  connection in time
     * @throws IpcAccessDeniedException if the server refused this process, or it runs as another
     *                                  user (a name another user took first: see
     *                                  {@link #connectMessagePipe(String, Duration, Permissions)})
     */
    default MessagePipe connectMessagePipe(String name, Duration timeout) {
        return connectMessagePipe(name, timeout, Permissions.OWNER_ONLY);
    }

    /**
     * {@link #connectMessagePipe(String, Duration)}, where {@code permissions} may accept a server
     * that runs as another user ({@link Permissions#acceptingForeignOwner()}): by default a server
     * of another user is refused, because pipe names are first come, first served and another user
     * could listen under the name first to read what this process sends.
     */
    MessagePipe connectMessagePipe(String name, Duration timeout, Permissions permissions);

    /** Connects to the server at a socket file; as {@link #connectMessagePipe(String, Duration)}. */
    default MessagePipe connectMessagePipe(Path socketPath, Duration timeout) {
        return connectMessagePipe(socketPath, timeout, Permissions.OWNER_ONLY);
    }

    /** Connects to the server at a socket file; as {@link #connectMessagePipe(String, Duration, Permissions)}. */
    MessagePipe connectMessagePipe(Path socketPath, Duration timeout, Permissions permissions);

    /** The IPC objects visible on this machine (what the OS lets a process see; the matrix says what is missing). */
    List<IpcObjectInfo> list();

    /**
     * Removes a named object of any kind that is {@linkplain ObjectKind#removableByName() removed by
     * name}; {@code false} if there was none. Open handles keep working where the OS allows.
     *
     * <p>Every {@code remove*} method behaves alike where names are not persistent (the matrix row
     * {@link Capability#PERSISTENT_NAMES} is unsupported: Windows): a named object there dies with its
     * last handle, so there is never a name to remove; the call removes nothing and returns
     * {@code false}.
     *
     * @throws IllegalArgumentException for a kind that is not removed by name (System V objects go by
     *                                  key, a message-pipe server's name goes when it closes)
     */
    boolean remove(ObjectKind kind, String name);

    /**
     * System V IPC by key (shared memory, semaphore sets, typed message queues), where the OS has
     * it: present exactly when the matrix row {@link Capability#SYSTEM_V} is supported.
     */
    default Optional<SystemV> systemV() {
        return Optional.empty();
    }

    /**
     * An OS-specific extension of this platform, found by its public type ({@code io.ffmipc.macos.MachPorts}
     * on macOS); empty where the provider has none. The OS package usually offers a typed accessor
     * ({@code MachPorts.of(platform)}).
     */
    default <T> Optional<T> extension(Class<T> type) {
        return Optional.empty();
    }
}
