package io.ffmipc;

/**
 * What a {@link Channel} call does while it waits for a message (a receive on an empty ring) or for
 * room (a send on a full ring). Spinning costs a CPU but answers in nanoseconds; parking costs no
 * CPU but a wake-up costs a system call on both sides (several microseconds).
 *
 * <p>A side that may park declares it in the ring's shared header when it opens, so its peer
 * checks for parked waiters after each send or receive; between two spinning sides no call ever
 * enters the kernel.
 */
public enum WaitStrategy {
    /** Spin with {@link Thread#onSpinWait()}: the lowest latency, one CPU busy while waiting. */
    BUSY_SPIN(false),
    /** Spin a little, then {@link Thread#yield()} between checks: lets other threads run, still busy. */
    SPIN_THEN_YIELD(false),
    /** Spin, then yield, then park on the OS wait seam until the peer wakes it: no CPU when idle for long. */
    SPIN_THEN_PARK(true),
    /** Park at once on the OS wait seam: no CPU while waiting, a system call per wake-up. */
    PARK(true);

    private final boolean parks;

    WaitStrategy(boolean parks) {
        this.parks = parks;
    }

    /** Whether this strategy may put the thread to sleep in the OS (and needs the peer to wake it). */
    public boolean parks() {
        return parks;
    }
}
