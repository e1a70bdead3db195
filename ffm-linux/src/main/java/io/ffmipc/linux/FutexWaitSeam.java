package io.ffmipc.linux;

import io.ffmipc.SharedMemory;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.spi.WaitSeam;

import java.util.Objects;

/** The wait seam on Linux: every shared word is a shared futex ({@link Futex}). Stateless. */
final class FutexWaitSeam implements WaitSeam {
    static final FutexWaitSeam INSTANCE = new FutexWaitSeam();

    private FutexWaitSeam() {
    }

    @Override
    public SharedWord word(SharedMemory memory, long offset) {
        return new FutexWord(Objects.requireNonNull(memory, "memory"), offset);
    }
}
