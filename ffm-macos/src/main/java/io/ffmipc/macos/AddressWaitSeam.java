package io.ffmipc.macos;

import io.ffmipc.SharedMemory;
import io.ffmipc.core.SeamWord;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.spi.WaitSeam;

import java.lang.foreign.MemorySegment;

/**
 * The wait seam on a macOS address-wait primitive ({@link AddressWait}): every word of shared
 * memory is a wait queue the kernel keys by the backing object (the SHARED flags), so processes that
 * map the same object meet. Here are the rules every such primitive shares: placement, closed words
 * and memory, the translation of results into {@link Attempt} codes, and counted wakes (a
 * primitive wakes one or all, so a wake of {@code n} wakes one at a time until none is parked).
 */
final class AddressWaitSeam implements WaitSeam {
    private final AddressWait primitive;
    private final PosixLibrary lib;
    private final int etimedout;
    private final int eintr;
    private final int efault;
    private final int enoent;

    /** @param lib the binding whose errno values the primitive reports, and which names them */
    AddressWaitSeam(AddressWait primitive, PosixLibrary lib) {
        this.primitive = primitive;
        this.lib = lib;
        this.etimedout = lib.constant("ETIMEDOUT");
        this.eintr = lib.constant("EINTR");
        this.efault = lib.constant("EFAULT");
        this.enoent = lib.constant("ENOENT");
    }

    @Override
    public SharedWord word(SharedMemory memory, long offset) {
        return new Word(memory, offset);
    }

    /** A word of the primitive. */
    private final class Word extends SeamWord {
        /** The word's 4 bytes, bound to the mapping: a downcall with it after the memory closed throws. */
        private final MemorySegment word;

        Word(SharedMemory memory, long offset) {
            super(memory, offset);
            this.word = segment().asSlice(offset, 4);
        }

        @Override
        public int await(int expected, long nanos) {
            checkLive();
            int r = primitive.await(word, expected, Math.max(1, nanos)); // a zero timeout is EINVAL
            if (r >= 0 || r == -efault) {
                return Attempt.DONE; // woken, the word differed, or a page fault: the caller re-reads
            }
            if (r == -etimedout) {
                return Attempt.TIMED_OUT;
            }
            if (r == -eintr) {
                return Attempt.INTERRUPTED;
            }
            throw lib.error(primitive.name(), label(), -r, null);
        }

        @Override
        public int wake(int count) {
            checkLive();
            checkWakeCount(count);
            if (count == Integer.MAX_VALUE) {
                return woken(primitive.wakeAll(word), "wake all");
            }
            int woken = 0;
            while (woken < count && woken(primitive.wakeOne(word), "wake") == 1) {
                woken++;
            }
            return woken;
        }

        /** 1 if the wake reached a parked thread (for wake-all: at least one), 0 if none was parked. */
        private int woken(int r, String what) {
            if (r >= 0) {
                return 1;
            }
            if (r == -enoent) {
                return 0;
            }
            throw lib.error(primitive.name() + " (" + what + ")", label(), -r, null);
        }
    }
}
