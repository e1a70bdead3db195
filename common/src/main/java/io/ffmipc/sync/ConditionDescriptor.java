package io.ffmipc.sync;

/**
 * Layout of a condition with its mutex ({@link SharedCondition}).
 *
 * <pre>
 *  offset 0    magic 'f' 'i' 'C' version   written last (ready flag)
 *        64    mutex: 0 free, 1 locked, 2 locked with waiters      seam word (see SharedMutex)
 *       128    sequence: advanced by every signal                  seam word waiters park on
 *       192    waiters: threads between reading the sequence and leaving await
 * </pre>
 */
final class ConditionDescriptor {
    static final long MUTEX = SyncHeader.line(1);
    static final long SEQUENCE = SyncHeader.line(2);
    static final long WAITERS = SyncHeader.line(3);

    private ConditionDescriptor() {
    }
}
