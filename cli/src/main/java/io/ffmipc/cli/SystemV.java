package io.ffmipc.cli;

import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.linux.SysVSemaphoreSet;
import io.ffmipc.linux.SysVSharedMemory;

import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * The one place the command reaches System V IPC (shared memory segments and semaphore sets by
 * key). System V is a Linux extension, not part of the portable API, so it sits behind this small
 * seam over io.ffmipc.linux's {@link SysVSharedMemory} and {@link SysVSemaphoreSet}. Message
 * queues ({@code ffmipc msg}) use {@link io.ffmipc.linux.SysVMessageQueue} directly.
 */
final class SystemV {

    private SystemV() {
    }

    /** Why System V cannot be used from this command here, or {@code null} when it can. */
    static String unavailableReason() {
        return null;
    }

    /** An attached System V shared memory segment. */
    interface Segment extends AutoCloseable {
        int key();

        int id();

        long size();

        /** The attachment; invalid after {@link #close()}. */
        MemorySegment memory();

        /** Detaches (shmdt). Safe to call twice. */
        @Override
        void close();
    }

    /** A System V semaphore set. */
    interface SemaphoreSet extends AutoCloseable {
        int key();

        int id();

        int count();

        /** Takes one unit of semaphore {@code index}; {@code undo}: the kernel gives it back if this process dies (SEM_UNDO). */
        boolean acquire(int index, boolean undo, Duration timeout);

        void release(int index, boolean undo);

        int value(int index);

        @Override
        void close();
    }

    /** Creates a segment (exclusively) of {@code size} bytes with {@code mode} and attaches it. */
    static Segment createSegment(int key, long size, int mode) {
        return segment(SysVSharedMemory.open(key, OpenMode.CREATE, size, Permissions.ofMode(mode)));
    }

    /** Attaches an existing segment whole. */
    static Segment openSegment(int key) {
        return segment(SysVSharedMemory.open(key, OpenMode.OPEN, 0, Permissions.OWNER_ONLY));
    }

    /** Marks the segment for removal (IPC_RMID); {@code false} if no segment has this key. */
    static boolean removeSegment(int key) {
        return SysVSharedMemory.remove(key);
    }

    /** Creates a set (exclusively) of {@code count} semaphores, each {@code initialValue}, race-free. */
    static SemaphoreSet createSemaphoreSet(int key, int count, int initialValue, int mode) {
        return semaphoreSet(SysVSemaphoreSet.open(key, OpenMode.CREATE, count, Permissions.ofMode(mode),
                SysVSemaphoreSet.DEFAULT_INIT_TIMEOUT, initialValue));
    }

    static SemaphoreSet openSemaphoreSet(int key) {
        return semaphoreSet(SysVSemaphoreSet.open(key, OpenMode.OPEN, 0, Permissions.OWNER_ONLY,
                SysVSemaphoreSet.DEFAULT_INIT_TIMEOUT));
    }

    /** Removes the set (IPC_RMID); {@code false} if no set has this key. */
    static boolean removeSemaphoreSet(int key) {
        return SysVSemaphoreSet.remove(key);
    }

    /** Removes a message queue (IPC_RMID); {@code false} if no queue has this key. */
    static boolean removeMessageQueue(int key) {
        return io.ffmipc.linux.SysVMessageQueue.remove(key);
    }

    private static Segment segment(SysVSharedMemory shm) {
        return new Segment() {
            @Override
            public int key() {
                return shm.key();
            }

            @Override
            public int id() {
                return shm.id();
            }

            @Override
            public long size() {
                return shm.size();
            }

            @Override
            public MemorySegment memory() {
                return shm.segment();
            }

            @Override
            public void close() {
                shm.close();
            }
        };
    }

    private static SemaphoreSet semaphoreSet(SysVSemaphoreSet set) {
        return new SemaphoreSet() {
            @Override
            public int key() {
                return set.key();
            }

            @Override
            public int id() {
                return set.id();
            }

            @Override
            public int count() {
                return set.size();
            }

            @Override
            public boolean acquire(int index, boolean undo, Duration timeout) {
                return set.tryAcquire(index, undo, timeout);
            }

            @Override
            public void release(int index, boolean undo) {
                set.release(index, undo);
            }

            @Override
            public int value(int index) {
                return set.value(index);
            }

            @Override
            public void close() {
                set.close();
            }
        };
    }
}
