package io.ffmipc.sync;

/**
 * Layout of a barrier ({@link SharedBarrier}).
 *
 * <pre>
 *  offset 0    magic 'f' 'i' 'B' version   written last (ready flag)
 *         4    parties (fixed at creation)
 *        64    mutex guarding arrived and state (see SharedMutex)       seam word
 *       128    state: generation &lt;&lt; 1 | broken                      seam word waiters park on
 *       192    arrived: parties arrived in the current generation
 * </pre>
 *
 * A generation ends either by its last arrival, which adds 2 to the state (next generation, not
 * broken), or by a timeout, which sets the broken bit of the same generation for good. A waiter
 * therefore tells the two apart exactly: a changed generation means its generation completed.
 */
final class BarrierDescriptor {
    static final long PARTIES = SyncHeader.CONFIG_A;
    static final long MUTEX = SyncHeader.line(1);
    static final long STATE = SyncHeader.line(2);
    static final long ARRIVED = SyncHeader.line(3);
    static final int BROKEN = 1;
    static final int NEXT_GENERATION = 2;

    private BarrierDescriptor() {
    }

    static boolean broken(int state) {
        return (state & BROKEN) != 0;
    }

    static boolean sameGeneration(int a, int b) {
        return (a >>> 1) == (b >>> 1);
    }
}
