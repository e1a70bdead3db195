package io.ffmipc.linux;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.ChildLauncher;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Limits;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;

import java.nio.file.Path;
import java.util.List;

/** The portable API on Linux: each call goes to its thin adapter over {@link io.ffmipc.linux.ffi.LibC}. */
final class LinuxPlatform implements IpcPlatform {
    private final CapabilityMatrix matrix;

    LinuxPlatform(CapabilityMatrix matrix) {
        this.matrix = matrix;
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
        throw new UnsupportedOperationException("limits: being written (section shm)");
    }

    @Override
    public SharedMemory sharedMemory(String name, OpenMode mode, long size, Permissions permissions) {
        throw new UnsupportedOperationException("shared memory: being written (section shm)");
    }

    @Override
    public boolean removeSharedMemory(String name) {
        throw new UnsupportedOperationException("shared memory: being written (section shm)");
    }

    @Override
    public SharedMemory mapFile(Path file, OpenMode mode, long size, Permissions permissions) {
        throw new UnsupportedOperationException("mapped file: being written (section shm)");
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
    public List<IpcObjectInfo> list() {
        throw new UnsupportedOperationException("list: being written (section shm)");
    }
}
