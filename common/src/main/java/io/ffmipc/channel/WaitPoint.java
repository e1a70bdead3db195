package io.ffmipc.channel;

import io.ffmipc.core.SeamWaits;
import io.ffmipc.core.Deadline;
import io.ffmipc.spi.SharedWord;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static io.ffmipc.channel.RingDescriptor.MAY_PARK;
import static io.ffmipc.channel.RingDescriptor.WAITERS;
import static io.ffmipc.channel.RingDescriptor.WAKE_SEQ;
import static io.ffmipc.channel.Shared.INT;

/**
 * One side's parking place in a ring (the consumer's or the producers'): a futex word, a waiter
 * count and a "may park" declaration (see {@link RingDescriptor}).
 *
 * <h2>Protocol</h2>
 * <b>Waiter</b>: {@link #announce()} increments WAITERS with a full-fence read-modify-write and
 * then reads WAKE_SEQ; the caller re-checks its ring; only if still nothing, {@link #park} sleeps
 * while WAKE_SEQ still holds the value read; {@link #retract()} decrements WAITERS.<br>
 * <b>Waker</b> (after publishing a record or releasing space): {@link #wakeIfParked()} reads
 * MAY_PARK (one acquire load, no fence, no system call: a peer that never parks costs nothing);
 * only if the peer declared it may park, a full fence orders our publish before the read of
 * WAITERS, and if anyone waits, WAKE_SEQ is incremented and the word woken.<br>
 * The two fences make this Dekker's handshake: either the waker sees WAITERS &gt; 0 and wakes
 * (if the waiter read WAKE_SEQ before the increment, the park returns at once), or the waiter's
 * re-check sees the record. A lost wake-up is impossible; a hostile peer can at worst cause
 * spurious ones. Parks are bounded slices anyway, so even a peer with no wait seam cannot wedge us.
 */
final class WaitPoint {
    /**
     * The longest a closing handle waits for its parked threads to retract: they normally take
     * microseconds; the bound only matters on a machine so loaded a woken thread is not run.
     */
    static final long CLOSE_DRAIN_NANOS = 1_000_000_000L;
    private final MemorySegment segment;
    private final long base;
    private final SharedWord word; // null where the platform has no wait seam: the peer then never parks
    /**
     * This handle's threads between {@link #announce()} and {@link #retract()}. Closing waits for it
     * to reach 0 before the memory is unmapped, so no thread's retract is lost: a WAITERS count left
     * behind in shared memory would make every later waker in every process pay a wake-up call.
     */
    private final AtomicInteger localWaiters = new AtomicInteger();

    WaitPoint(MemorySegment segment, long base, SharedWord word) {
        this.segment = segment;
        this.base = base;
        this.word = word;
    }

    /** Declares, once at open, that this side may park: from now on the peer checks WAITERS. */
    void declareMayPark() {
        INT.setVolatile(segment, base + MAY_PARK, 1);
    }

    /** Waker's hot path: one acquire load unless the other side parks. */
    void wakeIfParked() {
        if ((int) INT.getAcquire(segment, base + MAY_PARK) != 0) {
            wakeSlow();
        }
    }

    private void wakeSlow() {
        // StoreLoad: our publish (a release store) must be visible before we read WAITERS, or we
        // could miss a waiter that announced itself and re-checked just before our store landed.
        VarHandle.fullFence();
        if ((int) INT.getVolatile(segment, base + WAITERS) != 0) {
            INT.getAndAdd(segment, base + WAKE_SEQ, 1); // a parked waiter's expected value is now stale
            if (word != null) {
                word.wakeAll();
            }
        }
    }

    /** Waiter: registers, then returns the WAKE_SEQ value to park on. The getAndAdd is a full fence. */
    int announce() {
        localWaiters.incrementAndGet();
        try {
            INT.getAndAdd(segment, base + WAITERS, 1);
            return (int) INT.getVolatile(segment, base + WAKE_SEQ);
        } catch (RuntimeException closed) { // the memory is gone: nothing was counted
            localWaiters.decrementAndGet();
            throw closed;
        }
    }

    /** Waiter: sleeps while WAKE_SEQ holds {@code seq}, at most until {@code deadlineNanos} (primitive {@link Deadline}). */
    void park(int seq, long deadlineNanos) {
        SeamWaits.await(word, seq, deadlineNanos, this);
    }

    /** Waiter: unregisters after {@link #announce()}. */
    void retract() {
        try {
            INT.getAndAdd(segment, base + WAITERS, -1);
        } finally {
            localWaiters.decrementAndGet();
        }
    }

    /** Wakes this side's own parked threads (on close). */
    void wakeOwn() {
        INT.getAndAdd(segment, base + WAKE_SEQ, 1);
        if (word != null) {
            word.wakeAll();
        }
    }

    /**
     * On close, after {@link #wakeOwn()}: waits at most {@code maxNanos} for this handle's parked
     * threads to retract (a woken thread does so at once; one that announced just after the wake
     * parks one slice at most). Returns whether they all did.
     */
    boolean awaitOwnRetracted(long maxNanos) {
        long deadline = System.nanoTime() + maxNanos;
        while (localWaiters.get() != 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            INT.getAndAdd(segment, base + WAKE_SEQ, 1); // a late announcer's park returns at once
            if (word != null) {
                word.wakeAll();
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }
}
