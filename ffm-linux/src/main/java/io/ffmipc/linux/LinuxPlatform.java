package io.ffmipc.linux;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.ChildLauncher;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.Limits;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.spi.SpiPlatform;
import io.ffmipc.spi.WaitSeam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The portable API on Linux: each call goes to its thin adapter over {@link io.ffmipc.linux.ffi.LibC}. */
final class LinuxPlatform implements SpiPlatform {
    private static final Path DEV_SHM = Path.of("/dev/shm");
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
        // Names: the portable limit (NAME_MAX 255 leaves room for "/" and glibc's "sem." prefix).
        // Semaphores: SEM_VALUE_MAX of glibc. Shared memory: POSIX objects are files in the tmpfs
        // at /dev/shm, so its total size bounds any one object (the free space may be less).
        return new Limits(IpcNames.MAX_LENGTH, LibC.SEM_VALUE_MAX.intValue(), devShmSize());
    }

    private static long devShmSize() {
        try {
            return Files.getFileStore(DEV_SHM).getTotalSpace();
        } catch (IOException e) {
            throw new IpcException("read /dev/shm size", DEV_SHM.toString(), null, e.toString());
        }
    }

    @Override
    public SharedMemory sharedMemory(String name, OpenMode mode, long size, Permissions permissions) {
        return PosixSharedMemory.open(name, mode, size, permissions, devShmSize());
    }

    @Override
    public boolean removeSharedMemory(String name) {
        return PosixSharedMemory.remove(name);
    }

    @Override
    public SharedMemory mapFile(Path file, OpenMode mode, long size, Permissions permissions) {
        return PosixSharedMemory.mapFile(file, mode, size, permissions);
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
    public WaitSeam waitSeam() {
        return FutexWaitSeam.INSTANCE;
    }

    @Override
    public List<IpcObjectInfo> list() {
        return new LinuxObjectLister().list();
    }
}
