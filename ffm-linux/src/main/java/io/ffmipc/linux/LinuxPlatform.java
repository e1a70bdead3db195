package io.ffmipc.linux;

import io.ffmipc.core.SeamEvent;
import io.ffmipc.core.SeamMessageQueue;
import io.ffmipc.core.SeamSemaphore;
import io.ffmipc.core.SeamSharedMemory;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Inheritable;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.PeerIdentity;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.StreamPipe;
import io.ffmipc.core.PortablePlatform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The portable API on Linux. Transitional: the kinds not yet on seams still call their Linux
 * adapters here; the rest is {@link PortablePlatform}'s.
 */
final class LinuxPlatform extends PortablePlatform {
    LinuxPlatform(CapabilityMatrix matrix) {
        this(new LinuxSeams(matrix));
    }

    /** On these seams (tests: seams with a posix-layer fallback forced). */
    LinuxPlatform(LinuxSeams seams) {
        super(seams);
    }

    @Override
    public Semaphore semaphore(String name, OpenMode mode, int initialValue, Permissions permissions) {
        return SeamSemaphore.open(seams.semaphores(), seams.processes(), name, mode, initialValue, permissions);
    }

    @Override
    public boolean removeSemaphore(String name) {
        return SeamSemaphore.remove(seams.semaphores(), name);
    }

    @Override
    public MessageQueue messageQueue(String name, OpenMode mode, MessageQueueOptions options) {
        return SeamMessageQueue.open(seams.messageQueues().orElseThrow(), seams.processes(), name, mode, options);
    }

    @Override
    public boolean removeMessageQueue(String name) {
        return SeamMessageQueue.remove(seams.messageQueues().orElseThrow(), name);
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

    @Override
    public void createStreamPipe(String name, Permissions permissions) {
        FifoPipe.create(name, permissions);
    }

    @Override
    public boolean removeStreamPipe(String name) {
        return FifoPipe.remove(name);
    }

    @Override
    public StreamPipe openStreamPipe(String name, StreamPipe.End end, Duration timeout) {
        return FifoPipe.open(name, end, timeout);
    }

    @Override
    public MessagePipeServer messagePipeServer(String name, Predicate<PeerIdentity> admit) {
        return SeqPacketServer.listen(UnixAddress.named(name), Permissions.OWNER_ONLY, admit);
    }

    @Override
    public MessagePipeServer messagePipeServer(Path socketPath, Permissions permissions, Predicate<PeerIdentity> admit) {
        return SeqPacketServer.listen(UnixAddress.file(socketPath), Objects.requireNonNull(permissions, "permissions"),
                admit);
    }

    @Override
    public MessagePipe connectMessagePipe(String name, Duration timeout) {
        return UnixSockets.connect(UnixAddress.named(name), Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public MessagePipe connectMessagePipe(Path socketPath, Duration timeout) {
        return UnixSockets.connect(UnixAddress.file(socketPath), Objects.requireNonNull(timeout, "timeout"));
    }

}
