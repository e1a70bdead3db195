package io.ffmipc.core;

import io.ffmipc.Barrier;
import io.ffmipc.Capability;
import io.ffmipc.UnsupportedCapabilityException;
import io.ffmipc.WaitWord;
import io.ffmipc.spi.WaitSeam;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.Channel;
import io.ffmipc.ChildLauncher;
import io.ffmipc.ChannelOptions;
import io.ffmipc.Condition;
import io.ffmipc.EventKind;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Inheritable;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.Semaphore;
import io.ffmipc.StreamPipe;
import io.ffmipc.spi.MessageQueueSeam;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ObjectKind;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Limits;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.NamedEvent;
import io.ffmipc.OpenMode;
import io.ffmipc.PeerIdentity;
import io.ffmipc.Permissions;
import io.ffmipc.ReadWriteLock;
import io.ffmipc.RobustMutex;
import io.ffmipc.SharedMemory;
import io.ffmipc.SystemV;
import io.ffmipc.channel.ChannelMessageQueue;
import io.ffmipc.channel.SharedMemoryChannel;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.sync.SharedBarrier;
import io.ffmipc.sync.SharedCondition;
import io.ffmipc.sync.SharedEvent;
import io.ffmipc.sync.SharedReadWriteLock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole {@link IpcPlatform}, once for every OS, over a provider's {@link PlatformSeams}:
 * every method is one call into the portable implementation of its kind.
 */
public final class PortablePlatform implements IpcPlatform {
    private final PlatformSeams seams;

    /** The platform of a provider's seams (what {@link io.ffmipc.Ipc#platform()} builds). */
    public PortablePlatform(PlatformSeams seams) {
        this.seams = Objects.requireNonNull(seams, "seams");
    }

    /** The seams this platform is built on (for the portable implementations and tests). */
    public PlatformSeams seams() {
        return seams;
    }

    @Override
    public String os() {
        return seams.matrix().os();
    }

    @Override
    public CapabilityMatrix matrix() {
        return seams.matrix();
    }

    @Override
    public Limits limits() {
        return seams.limits();
    }

    @Override
    public PeerIdentity currentProcess() {
        return seams.processes().current();
    }

    @Override
    public WaitWord waitWord(SharedMemory memory, long offset) {
        Objects.requireNonNull(memory, "memory");
        WaitSeam seam = seams.waitSeam().orElseThrow(() -> new UnsupportedCapabilityException(Capability.EVENT, os(),
                "this platform has no way to sleep on a word of shared memory"));
        return new SeamWaitWord(memory, seam.word(memory, offset));
    }

    @Override
    public ChildLauncher launcher(List<String> command) {
        return new SeamLauncher(seams.launcher(), command);
    }

    @Override
    public boolean remove(ObjectKind kind, String name) {
        return switch (Objects.requireNonNull(kind, "kind")) {
            case SHARED_MEMORY -> removeSharedMemory(name);
            case SEMAPHORE -> removeSemaphore(name);
            case MESSAGE_QUEUE -> removeMessageQueue(name);
            case MUTEX -> removeMutex(name);
            case EVENT -> removeEvent(name);
            case CONDITION -> removeCondition(name);
            case BARRIER -> removeBarrier(name);
            case READ_WRITE_LOCK -> removeReadWriteLock(name);
            case CHANNEL -> removeChannel(name);
            case SHARED_MEMORY_QUEUE -> removeSharedMemoryMessageQueue(name);
            case STREAM_PIPE -> removeStreamPipe(name);
            case MESSAGE_PIPE -> throw new IllegalArgumentException("a message-pipe server's name goes away when the"
                    + " server closes; there is nothing to remove by name ('" + name + "')");
            case SYSV_SHARED_MEMORY, SYSV_SEMAPHORE_SET, SYSV_MESSAGE_QUEUE -> throw new IllegalArgumentException(
                    kind.title() + " objects are removed by key (IpcPlatform.systemV()), not by name ('" + name + "')");
        };
    }

    @Override
    public List<IpcObjectInfo> list() {
        return seams.objects().list();
    }

    @Override
    public Optional<SystemV> systemV() {
        return seams.extension(SystemV.class);
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return seams.extension(java.util.Objects.requireNonNull(type, "type"));
    }

    // ---- robust mutex

    @Override
    public RobustMutex mutex(String name, OpenMode mode, Permissions permissions) {
        return SeamRobustMutex.open(seams.mutexes(), name, mode, permissions);
    }

    @Override
    public boolean removeMutex(String name) {
        return SeamRobustMutex.remove(seams.mutexes(), name);
    }

    // ---- shared memory

    @Override
    public SharedMemory sharedMemory(String name, OpenMode mode, long size, Permissions permissions) {
        return SeamSharedMemory.open(seams.sharedMemory(), seams.processes(), name, mode, size, permissions);
    }

    @Override
    public boolean removeSharedMemory(String name) {
        return SeamSharedMemory.remove(seams.sharedMemory(), name);
    }

    @Override
    public SharedMemory anonymousSharedMemory(long size) {
        return SeamSharedMemory.anonymous(seams.sharedMemory(), null, size);
    }

    @Override
    public SharedMemory mapFile(Path file, OpenMode mode, long size, Permissions permissions) {
        return SeamSharedMemory.mapFile(seams.sharedMemory(), seams.processes(), file, mode, size, permissions);
    }

    @Override
    public SharedMemory sharedMemoryFromHandle(Inheritable handle) {
        return SeamSharedMemory.fromHandle(seams.sharedMemory(), handle);
    }

    @Override
    public SharedMemory inheritedSharedMemory(String token) {
        return SeamSharedMemory.inherited(seams.sharedMemory(), token);
    }

    // ---- structures on shared memory and the wait seam

    @Override
    public NamedEvent event(String name, OpenMode mode, EventKind kind, Permissions permissions) {
        return SharedEvent.open(seams, name, mode, kind, permissions);
    }

    @Override
    public boolean removeEvent(String name) {
        return SharedEvent.remove(seams, name);
    }

    @Override
    public Condition condition(String name, OpenMode mode, Permissions permissions) {
        return SharedCondition.open(seams, name, mode, permissions);
    }

    @Override
    public boolean removeCondition(String name) {
        return SharedCondition.remove(seams, name);
    }

    @Override
    public Barrier barrier(String name, OpenMode mode, int parties, Permissions permissions) {
        return SharedBarrier.open(seams, name, mode, parties, permissions);
    }

    @Override
    public boolean removeBarrier(String name) {
        return SharedBarrier.remove(seams, name);
    }

    @Override
    public ReadWriteLock readWriteLock(String name, OpenMode mode, Permissions permissions) {
        return SharedReadWriteLock.open(seams, name, mode, permissions);
    }

    @Override
    public boolean removeReadWriteLock(String name) {
        return SharedReadWriteLock.remove(seams, name);
    }

    @Override
    public Channel channel(String name, OpenMode mode, ChannelOptions options) {
        return SharedMemoryChannel.open(seams, name, mode, options);
    }

    @Override
    public boolean removeChannel(String name) {
        return SharedMemoryChannel.remove(seams, name);
    }

    @Override
    public MessageQueue sharedMemoryMessageQueue(String name, OpenMode mode, MessageQueueOptions options) {
        return ChannelMessageQueue.open(seams, name, mode, options);
    }

    @Override
    public boolean removeSharedMemoryMessageQueue(String name) {
        return ChannelMessageQueue.remove(seams, name);
    }

    // ---- semaphores, message queues, events

    @Override
    public Semaphore semaphore(String name, OpenMode mode, int initialValue, Permissions permissions) {
        return SeamSemaphore.open(seams.semaphores(), seams.processes(), name, mode, initialValue, permissions);
    }

    @Override
    public boolean removeSemaphore(String name) {
        return SeamSemaphore.remove(seams.semaphores(), name);
    }

    /** The OS's message queue where it has one; elsewhere the portable queue on shared memory stands in. */
    @Override
    public MessageQueue messageQueue(String name, OpenMode mode, MessageQueueOptions options) {
        Optional<MessageQueueSeam> os = seams.messageQueues();
        return os.isPresent() ? SeamMessageQueue.open(os.get(), seams.processes(), name, mode, options)
                : ChannelMessageQueue.open(seams, name, mode, options);
    }

    @Override
    public boolean removeMessageQueue(String name) {
        Optional<MessageQueueSeam> os = seams.messageQueues();
        return os.isPresent() ? SeamMessageQueue.remove(os.get(), name) : ChannelMessageQueue.remove(seams, name);
    }

    @Override
    public Event event(EventMode mode) {
        return SeamEvent.create(seams.events(), mode);
    }

    @Override
    public Event inheritedEvent(String token, EventMode mode) {
        return SeamEvent.inherited(seams.events(), token, mode);
    }

    @Override
    public Event eventFromHandle(Inheritable handle, EventMode mode) {
        return SeamEvent.fromHandle(seams.events(), handle, mode);
    }

    // ---- pipes

    @Override
    public void createStreamPipe(String name, Permissions permissions) {
        SeamStreamPipe.create(seams.streamPipes(), name, permissions);
    }

    @Override
    public boolean removeStreamPipe(String name) {
        return SeamStreamPipe.remove(seams.streamPipes(), name);
    }

    @Override
    public StreamPipe openStreamPipe(String name, StreamPipe.End end, Duration timeout, Permissions permissions) {
        return SeamStreamPipe.open(seams.streamPipes(), seams.processes(), name, end, timeout, permissions);
    }

    @Override
    public MessagePipeServer messagePipeServer(String name, Predicate<PeerIdentity> admit) {
        return SeamPipeServer.listen(seams.messagePipes(), name, admit);
    }

    @Override
    public MessagePipeServer messagePipeServer(Path socketPath, Permissions permissions, Predicate<PeerIdentity> admit) {
        return SeamPipeServer.listen(seams.messagePipes(), socketPath, permissions, admit);
    }

    @Override
    public MessagePipe connectMessagePipe(String name, Duration timeout, Permissions permissions) {
        return SeamMessagePipe.connect(seams.messagePipes(), seams.processes(), name, timeout, permissions);
    }

    @Override
    public MessagePipe connectMessagePipe(Path socketPath, Duration timeout, Permissions permissions) {
        return SeamMessagePipe.connect(seams.messagePipes(), seams.processes(), socketPath, timeout, permissions);
    }

    @Override
    public String toString() {
        return "ffm-ipc platform for " + os();
    }
}
