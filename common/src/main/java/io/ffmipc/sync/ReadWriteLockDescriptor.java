package io.ffmipc.sync;

/**
 * Layout of a read-write lock ({@link SharedReadWriteLock}).
 *
 * <pre>
 *  offset 0    magic 'f' 'i' 'R' version   written last (ready flag)
 *        64    state: WRITER bit (1 &lt;&lt; 30) | number of readers inside
 *       128    sequence: advanced by every release that may let someone in   seam word
 *       192    writers waiting: new readers hold back while it is non-zero (writer preference)
 *       256    parked: threads parked on the sequence (lets a release skip the wake call)
 * </pre>
 */
final class ReadWriteLockDescriptor {
    static final long STATE = SyncHeader.line(1);
    static final long SEQUENCE = SyncHeader.line(2);
    static final long WRITERS_WAITING = SyncHeader.line(3);
    static final long PARKED = SyncHeader.line(4);
    static final int WRITER = 1 << 30;
    static final int READERS = WRITER - 1;

    private ReadWriteLockDescriptor() {
    }
}
