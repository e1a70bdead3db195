package io.ffmipc.posix;

import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SystemV;
import io.ffmipc.spi.MutexSeams;
import io.ffmipc.spi.ProcessSeam;

import java.time.Duration;

/**
 * {@link SystemV} on a POSIX OS with System V IPC (Linux, macOS), written once against
 * {@link PosixLibrary}: shared memory segments, semaphore sets with the race-free start-up
 * protocol, and typed message queues, each opened with the owner check of {@link SystemV}. Also
 * the source of the robust mutex's System V half ({@link #mutexes()}).
 */
public final class PosixSystemV implements SystemV {
    private final SysVBinding binding;

    /** Timed semaphore waits use {@code semtimedop} where the OS has it, and poll {@code semop} where not. */
    public PosixSystemV(PosixLibrary lib, ProcessSeam processes, SystemVLimits limits) {
        this(lib, processes, limits, lib.has("semtimedop"));
    }

    private PosixSystemV(PosixLibrary lib, ProcessSeam processes, SystemVLimits limits, boolean timedSemop) {
        this.binding = new SysVBinding(lib, processes, limits, timedSemop);
    }

    /**
     * System V as an OS without {@code semtimedop} (macOS) has it: every timed semaphore wait polls
     * {@code semop} with {@code IPC_NOWAIT}. For testing that fallback on an OS that has the call.
     */
    public static PosixSystemV pollingSemaphores(PosixLibrary lib, ProcessSeam processes, SystemVLimits limits) {
        return new PosixSystemV(lib, processes, limits, false);
    }

    /** Whether timed semaphore waits poll (no {@code semtimedop}). */
    public boolean pollsSemaphores() {
        return !binding.timedSemop;
    }

    /** The robust mutex's OS half on this System V: semaphore sets with SEM_UNDO, named by anchor files. */
    public MutexSeams mutexes() {
        return new PosixMutexSeams(binding);
    }

    @Override
    public Segment sharedMemory(int key, OpenMode mode, long size, Permissions permissions) {
        return SysVSharedMemory.open(binding, key, mode, size, permissions);
    }

    @Override
    public boolean removeSharedMemory(int key) {
        return SysVSharedMemory.remove(binding, key);
    }

    @Override
    public long maxSegmentSize() {
        return binding.limits.maxSegmentSize();
    }

    @Override
    public SemaphoreSet semaphoreSet(int key, OpenMode mode, int count, Permissions permissions, Duration initTimeout,
                                     int... initialValues) {
        return SysVSemaphoreSet.open(binding, key, mode, count, permissions, initTimeout, initialValues);
    }

    @Override
    public boolean removeSemaphoreSet(int key) {
        return SysVSemaphoreSet.remove(binding, key);
    }

    @Override
    public int maxSemaphoreValue() {
        return SysVBinding.SEMVMX;
    }

    @Override
    public MessageQueue messageQueue(int key, OpenMode mode, Permissions permissions) {
        return SysVMessageQueue.open(binding, key, mode, permissions);
    }

    @Override
    public boolean removeMessageQueue(int key) {
        return SysVMessageQueue.remove(binding, key);
    }

    @Override
    public long maxMessageSize() {
        return binding.limits.maxMessageSize();
    }

    @Override
    public String toString() {
        return "System V on " + binding.lib.target() + (binding.timedSemop ? "" : " (semaphore waits polled)");
    }
}
