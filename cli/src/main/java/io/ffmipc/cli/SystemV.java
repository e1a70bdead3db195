package io.ffmipc.cli;

import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * The one place the command reaches System V IPC (shared memory segments and semaphore sets by
 * key). System V is a Linux extension, not part of the portable API, so it sits behind this small
 * seam: when io.ffmipc.linux's public System V classes exist, only the bodies below change.
 *
 * <p>NOT WIRED YET: the Linux provider's System V classes ({@code SysVSharedMemory},
 * {@code SysVSemaphoreSet}) were being written alongside this command, so every operation throws
 * {@link UnsupportedOperationException} with {@link #NOT_WIRED}, and the tour lists the System V
 * steps as skipped with that reason.
 */
final class SystemV {

    static final String NOT_WIRED = "System V support: not wired yet in the ffmipc command "
            + "(waiting for io.ffmipc.linux.SysVSharedMemory and SysVSemaphoreSet)";

    private SystemV() {
    }

    /** Why System V cannot be used from this command here, or {@code null} when it can. */
    static String unavailableReason() {
        return NOT_WIRED;
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
        throw new UnsupportedOperationException(NOT_WIRED);
    }

    /** Attaches an existing segment whole. */
    static Segment openSegment(int key) {
        throw new UnsupportedOperationException(NOT_WIRED);
    }

    /** Marks the segment for removal (IPC_RMID); {@code false} if no segment has this key. */
    static boolean removeSegment(int key) {
        throw new UnsupportedOperationException(NOT_WIRED);
    }

    /** Creates a set (exclusively) of {@code count} semaphores, each {@code initialValue}, race-free. */
    static SemaphoreSet createSemaphoreSet(int key, int count, int initialValue, int mode) {
        throw new UnsupportedOperationException(NOT_WIRED);
    }

    static SemaphoreSet openSemaphoreSet(int key) {
        throw new UnsupportedOperationException(NOT_WIRED);
    }

    /** Removes the set (IPC_RMID); {@code false} if no set has this key. */
    static boolean removeSemaphoreSet(int key) {
        throw new UnsupportedOperationException(NOT_WIRED);
    }

    /** Removes a message queue (IPC_RMID); {@code false} if no queue has this key. */
    static boolean removeMessageQueue(int key) {
        throw new UnsupportedOperationException(NOT_WIRED);
    }
}
