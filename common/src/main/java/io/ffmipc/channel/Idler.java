package io.ffmipc.channel;

import io.ffmipc.WaitStrategy;
import io.ffmipc.core.Deadline;


/**
 * One round of waiting by a {@link WaitStrategy}. Spinning rounds allocate nothing and never enter
 * the kernel; a park announces itself on the {@link WaitPoint}, re-checks the ring, and only then
 * sleeps (at most {@code maxParkNanos}, so the caller regularly re-checks deadline, close,
 * interrupt and peer liveness).
 */
final class Idler {
    /** The condition a parked thread waits for, re-checked after announcing itself. */
    interface Ready {
        boolean ready();
    }

    static final int SPINS = 2_000;
    static final int YIELDS = 100;

    private final WaitStrategy strategy;

    Idler(WaitStrategy strategy) {
        this.strategy = strategy;
    }

    /**
     * Waits one round; {@code round} counts the rounds of this wait so far (0-based). A park lasts
     * at most {@code maxParkNanos} and ends by {@code deadlineNanos} (primitive {@link Deadline});
     * spinning rounds never read the clock.
     */
    void idle(int round, WaitPoint point, Ready ready, long maxParkNanos, long deadlineNanos) {
        switch (strategy) {
            case BUSY_SPIN -> Thread.onSpinWait();
            case SPIN_THEN_YIELD -> {
                if (round < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            case SPIN_THEN_PARK -> {
                if (round < SPINS) {
                    Thread.onSpinWait();
                } else if (round < SPINS + YIELDS) {
                    Thread.yield();
                } else {
                    park(point, ready, maxParkNanos, deadlineNanos);
                }
            }
            case PARK -> park(point, ready, maxParkNanos, deadlineNanos);
        }
    }

    /** Whether rounds of this strategy are cheap enough that the caller should check time only now and then. */
    boolean spinning(int round) {
        return switch (strategy) {
            case BUSY_SPIN -> true;
            case SPIN_THEN_YIELD -> round < SPINS;
            case SPIN_THEN_PARK -> round < SPINS;
            case PARK -> false;
        };
    }

    private static void park(WaitPoint point, Ready ready, long maxParkNanos, long deadlineNanos) {
        int seq = point.announce();
        try {
            if (!ready.ready()) {
                long now = System.nanoTime();
                long until = deadlineNanos - now < maxParkNanos ? deadlineNanos : now + maxParkNanos;
                point.park(seq, until); // primitive deadline: a park allocates nothing
            }
        } finally {
            point.retract();
        }
    }
}
