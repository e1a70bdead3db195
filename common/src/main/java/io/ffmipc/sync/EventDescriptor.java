package io.ffmipc.sync;

/**
 * Layout of a named event ({@link SharedEvent}).
 *
 * <pre>
 *  offset 0    magic 'f' 'i' 'E' version   written last (ready flag)
 *         4    kind: 0 manual reset, 1 auto reset
 *        64    state: 0 reset, 1 set                 the seam word waiters park on
 *       128    waiters: threads parked or about to   lets set() skip the wake call
 * </pre>
 */
final class EventDescriptor {
    static final long KIND = SyncHeader.CONFIG_A;
    static final long STATE = SyncHeader.line(1);
    static final long WAITERS = SyncHeader.line(2);
    static final int RESET = 0;
    static final int SET = 1;

    private EventDescriptor() {
    }
}
