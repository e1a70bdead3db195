package io.ffmipc.linux;

import io.ffmipc.core.WaitSlices;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.SeamWaits;
import io.ffmipc.spi.Attempt;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

/**
 * Linux futexes on a 32-bit word in shared memory: {@link #wait} parks the calling thread while the
 * word holds an expected value, {@link #wake} wakes parked threads. The futexes are shared (no
 * {@code FUTEX_PRIVATE_FLAG}): the kernel keys them by the mapped page, so threads of every process
 * that maps the same object (POSIX or System V shared memory, a {@code MAP_SHARED} file) meet.
 *
 * <h2>Timeouts</h2>
 * The wait uses {@code FUTEX_WAIT} with a <em>relative</em> timeout, which the kernel measures on
 * {@code CLOCK_MONOTONIC}. The whole wait is bounded by a {@link Deadline} on the monotonic clock
 * ({@code System.nanoTime}) and runs in slices of at most 50 ms ({@link WaitSlices}) so a Java
 * interrupt is noticed; each slice's relative timeout is computed from what is left of the deadline,
 * so neither slices nor {@code EINTR} retries stretch the timeout, and no {@code clock_gettime} call
 * is needed as an absolute {@code FUTEX_WAIT_BITSET} timeout would require.
 *
 * <h2>Memory</h2>
 * The word must be 4-byte aligned (the kernel refuses others with {@code EINVAL}) and lie inside the
 * segment; both are checked with a message. The segment's liveness is checked before the call; if
 * another thread unmaps the memory during a wait, the kernel ends or continues the wait on its own
 * key and never touches the JVM's memory. Neither method allocates.
 */
public final class Futex {
    private static final int FUTEX_WAIT = LibC.FUTEX_WAIT.intValue();
    private static final int FUTEX_WAKE = LibC.FUTEX_WAKE.intValue();
    private static final int EAGAIN = Errno.EAGAIN.intValue();
    private static final int EINTR = Errno.EINTR.intValue();
    private static final int ETIMEDOUT = Errno.ETIMEDOUT.intValue();

    private Futex() {
    }

    /** How a {@link #wait} ended. */
    public enum Outcome {
        /** A wake reached this thread, the word no longer held the expected value, or the kernel woke it spuriously: re-check the word. */
        WOKEN,
        /** The timeout passed. */
        TIMED_OUT
    }

    /**
     * Parks while the word at {@code offset} holds {@code expected}, at most {@code timeout}
     * ({@code null}: no limit). A Java interrupt ends the wait with
     * {@link io.ffmipc.IpcInterruptedException} (the flag stays set).
     *
     * @throws IllegalArgumentException a misaligned or out-of-bounds word, or a negative timeout
     * @throws IllegalStateException    the segment's memory has been released
     */
    public static Outcome wait(MemorySegment segment, long offset, int expected, Duration timeout) {
        FutexWord word = new FutexWord(segment, offset, "word at offset " + offset);
        return SeamWaits.await(word, expected, Deadline.nanosAfter(timeout), word) ? Outcome.WOKEN : Outcome.TIMED_OUT;
    }

    /**
     * Wakes at most {@code count} threads parked on the word (in any process); returns how many the
     * kernel woke.
     *
     * @throws IllegalArgumentException a misaligned or out-of-bounds word, or {@code count < 1}
     */
    public static int wake(MemorySegment segment, long offset, int count) {
        long address = checkedAddress(segment, offset);
        if (count < 1) {
            throw new IllegalArgumentException("futex wake count must be at least 1, got " + count);
        }
        return wakeAt(address, count, null);
    }

    /** The word's address, after the alignment, bounds and liveness checks. */
    static long checkedAddress(MemorySegment segment, long offset) {
        if (segment == null) {
            throw new IllegalArgumentException("a segment is required");
        }
        if (offset < 0 || offset > segment.byteSize() - 4) {
            throw new IllegalArgumentException("futex word at offset " + offset + " does not fit in the segment of "
                    + segment.byteSize() + " bytes (a word is 4 bytes)");
        }
        long address = segment.address() + offset;
        if ((address & 3) != 0) {
            throw new IllegalArgumentException("futex word at offset " + offset + " (address 0x"
                    + Long.toHexString(address) + ") is not 4-byte aligned, as the kernel requires");
        }
        segment.get(ValueLayout.JAVA_INT, offset); // throws IllegalStateException if the memory is gone
        return address;
    }

    /**
     * One {@code FUTEX_WAIT} of at most {@code nanos}: {@link Attempt#DONE} (woken, or the word did
     * not hold {@code expected}), {@link Attempt#TIMED_OUT}, or {@link Attempt#INTERRUPTED} (a signal).
     */
    static int waitOnce(MemorySegment segment, long address, int expected, long nanos, FutexWord owner) {
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException("futex " + label(address, owner) + ": its shared memory was closed");
        }
        MemorySegment st = NativeBinder.callState();
        MemorySegment ts = NativeScratch.get().timespec;
        ts.set(ValueLayout.JAVA_LONG, 0, nanos / 1_000_000_000L);
        ts.set(ValueLayout.JAVA_LONG, 8, nanos % 1_000_000_000L);
        if (LibC.futex(st, address, FUTEX_WAIT, expected, ts.address()) == 0) {
            return Attempt.DONE;
        }
        int err = LibC.INSTANCE.errno(st);
        if (err == EAGAIN) {
            return Attempt.DONE; // the word did not hold the expected value: the caller re-checks
        }
        if (err == ETIMEDOUT) {
            return Attempt.TIMED_OUT;
        }
        if (err == EINTR) {
            return Attempt.INTERRUPTED;
        }
        throw Errno.exception("futex wait", label(address, owner), err);
    }

    static int wakeAt(long address, int count, FutexWord owner) {
        MemorySegment st = NativeBinder.callState();
        long woken = LibC.futex(st, address, FUTEX_WAKE, count, 0L);
        if (woken < 0) {
            throw Errno.exception("futex wake", label(address, owner), LibC.INSTANCE.errno(st));
        }
        return (int) woken;
    }

    private static String label(long address, FutexWord owner) {
        return owner != null ? owner.label() : "word at 0x" + Long.toHexString(address);
    }
}
