package io.ffmipc.windows;

import io.ffmipc.spi.Attempt;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The protocol of a wait word on Windows ({@link io.ffmipc.spi.SharedWord}): WaitOnAddress wakes
 * only threads of its own process, so sleepers wait on a named semaphore that belongs to the word,
 * and a count of sleepers beside it (in a named page of its own: the word's memory has no room the
 * library could take) says how many units a wake must release.
 *
 * <p><b>Sleeper</b>: adds itself to the count (a full-fence read-modify-write), re-reads the word,
 * and waits on the semaphore only if it still holds the expected value; then takes itself off the
 * count. <b>Waker</b> (after changing the word): a full fence, then reads the count; only if
 * someone sleeps does it release {@code min(n, count)} units — so a wake with no sleeper makes no
 * system call. The two fences are Dekker's handshake: either the waker sees the sleeper counted, or
 * the sleeper sees the changed word. A unit released for a sleeper that timed out meanwhile stays in
 * the semaphore and ends a later wait early: a spurious wake-up, which the contract allows and the
 * callers' loops absorb. A process killed while counted leaves its count behind: later wakes then
 * pay one needless release each, never a lost wake-up.
 */
final class SleeperCount {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    /** The word's semaphore. */
    interface Semaphore {
        /** Waits at most {@code millis} for a unit and takes it. */
        boolean take(int millis);

        /** Releases {@code count} units; past the semaphore's maximum it releases what it can, never throws for that. */
        void release(int count);
    }

    private SleeperCount() {
    }

    /**
     * One attempt: sleeps while the word at {@code offset} of {@code word} holds {@code expected}, at
     * most {@code nanos}: {@link Attempt#DONE} (woken, the word differs, or spuriously) or
     * {@link Attempt#TIMED_OUT}.
     *
     * @param counter the sleeper count, an int at offset 0
     */
    static int await(MemorySegment counter, MemorySegment word, long offset, int expected, long nanos,
                     Semaphore semaphore) {
        INT.getAndAdd(counter, 0L, 1); // a full fence: counted before the word is read again
        try {
            if ((int) INT.getVolatile(word, offset) != expected) {
                return Attempt.DONE;
            }
            return semaphore.take(EventCounter.millisRoundedUp(nanos)) ? Attempt.DONE : Attempt.TIMED_OUT;
        } finally {
            INT.getAndAdd(counter, 0L, -1);
        }
    }

    /** Wakes at most {@code count} (at least 1) sleepers: how many units were released (0: nobody slept, no system call). */
    static int wake(MemorySegment counter, int count, Semaphore semaphore) {
        // StoreLoad: the caller's change of the word must be visible before the count is read, or a
        // sleeper that counted itself and re-read the word just before the change would be missed.
        VarHandle.fullFence();
        int sleepers = (int) INT.getVolatile(counter, 0L);
        if (sleepers <= 0) {
            return 0; // nobody (a negative count is another process's garbage: treated as nobody)
        }
        int n = Math.min(count, sleepers);
        semaphore.release(n);
        return n;
    }
}
