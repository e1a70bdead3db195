package io.ffmipc.core;

import io.ffmipc.SharedMemory;
import io.ffmipc.WaitWord;
import io.ffmipc.spi.SharedWord;

import java.time.Duration;

/** {@link WaitWord} over the wait seam: the seam parks once, {@link SeamWaits} is the loop with its deadline. */
final class SeamWaitWord implements WaitWord {
    private final SharedMemory memory;
    private final SharedWord word;

    SeamWaitWord(SharedMemory memory, SharedWord word) {
        this.memory = memory;
        this.word = word;
    }

    @Override
    public SharedMemory memory() {
        return memory;
    }

    @Override
    public long offset() {
        return word.offset();
    }

    @Override
    public boolean await(int expected, Duration timeout) {
        return SeamWaits.await(word, expected, Deadline.nanosAfter(timeout), this);
    }

    @Override
    public int wake(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("wake count must be at least 1, got " + count + " (" + this + ")");
        }
        return word.wake(count);
    }

    @Override
    public void close() {
        word.close();
    }

    @Override
    public String toString() {
        return "wait word at offset " + word.offset() + " of '" + memory.name() + "'";
    }
}
