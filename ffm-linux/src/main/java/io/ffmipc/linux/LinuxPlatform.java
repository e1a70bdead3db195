package io.ffmipc.linux;

import io.ffmipc.core.SeamMessagePipe;
import io.ffmipc.core.SeamPipeServer;
import io.ffmipc.core.SeamSharedMemory;
import io.ffmipc.core.SeamStreamPipe;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.ChildLauncher;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Inheritable;
import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.Limits;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.OpenMode;
import io.ffmipc.PeerIdentity;
import io.ffmipc.Permissions;
import io.ffmipc.RobustMutex;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;
import io.ffmipc.StreamPipe;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.spi.SpiPlatform;
import io.ffmipc.spi.WaitSeam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The portable API on Linux: each call goes to its thin adapter over {@link io.ffmipc.linux.ffi.LibC}. */
final class LinuxPlatform implements SpiPlatform {
    private final CapabilityMatrix matrix;
    private final LinuxSeams seams;

    LinuxPlatform(CapabilityMatrix matrix) {
        this(matrix, new LinuxSeams(matrix));
    }

    /** On other seams: for tests that force a posix-layer variant (the stream framing of message pipes). */
    LinuxPlatform(CapabilityMatrix matrix, LinuxSeams seams) {
        this.matrix = matrix;
        this.seams = seams;
    }

    @Override
    public String os() {
        return matrix.os();
    }

    @Override
    public CapabilityMatrix matrix() {
        return matrix;
    }

    @Override
    public Limits limits() {
        // Names: the portable limit (NAME_MAX 255 leaves room for "/" and glibc's "sem." prefix).
        // Semaphores: SEM_VALUE_MAX of glibc. Shared memory: POSIX objects are files in the tmpfs
        // at /dev/shm, so its total size bounds any one object (the free space may be less).
        return seams.limits();
    }

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
    public Semaphore semaphore(String name, OpenMode mode, int initialValue, Permissions permissions) {
        return PosixSemaphore.open(name, mode, initialValue, permissions);
    }

    @Override
    public boolean removeSemaphore(String name) {
        return PosixSemaphore.remove(name);
    }

    @Override
    public MessageQueue messageQueue(String name, OpenMode mode, MessageQueueOptions options) {
        return PosixMessageQueue.open(name, mode, options);
    }

    @Override
    public boolean removeMessageQueue(String name) {
        return PosixMessageQueue.remove(name);
    }

    @Override
    public RobustMutex mutex(String name, OpenMode mode, Permissions permissions) {
        return LinuxRobustMutex.open(name, mode, permissions);
    }

    @Override
    public boolean removeMutex(String name) {
        return LinuxRobustMutex.remove(name);
    }

    @Override
    public Event event(EventMode mode) {
        return EventFd.create(mode);
    }

    @Override
    public Event inheritedEvent(String token, EventMode mode) {
        return EventFd.inherited(token, mode);
    }

    @Override
    public ChildLauncher launcher(List<String> command) {
        return new SpawnLauncher(command);
    }

    @Override
    public WaitSeam waitSeam() {
        return FutexWaitSeam.INSTANCE;
    }

    @Override
    public SharedMemory inheritedSharedMemory(String token) {
        return SeamSharedMemory.inherited(seams.sharedMemory(), token);
    }

    @Override
    public SharedMemory sharedMemoryFromHandle(Inheritable handle) {
        return SeamSharedMemory.fromHandle(seams.sharedMemory(), handle);
    }

    @Override
    public Event eventFromHandle(Inheritable handle, EventMode mode) {
        return EventFd.adopt(handle, mode);
    }

    @Override
    public PeerIdentity currentProcess() {
        return seams.processes().current();
    }

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
    public MessagePipe connectMessagePipe(String name, Duration timeout) {
        return SeamMessagePipe.connect(seams.messagePipes(), name, timeout);
    }

    @Override
    public MessagePipe connectMessagePipe(Path socketPath, Duration timeout) {
        return SeamMessagePipe.connect(seams.messagePipes(), socketPath, timeout);
    }

    @Override
    public List<IpcObjectInfo> list() {
        return new LinuxObjectLister().list();
    }
}
