package io.ffmipc.sync;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Atomic access to 32-bit words of shared memory, named by the ordering each gives. Other processes
 * see these words through their own mappings, so only the hardware's atomics order them: plain Java
 * fields and monitors do not cross a process boundary. Every call is allocation-free.
 */
final class SharedInts {
    /** Coordinates (MemorySegment, long offset); the words are 4-byte aligned, as atomics need. */
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private SharedInts() {
    }

    /** Load-acquire: later reads of the structure see what the writer released before this value. */
    static int getAcquire(MemorySegment s, long offset) {
        return (int) INT.getAcquire(s, offset);
    }

    /** Store-release: everything written before becomes visible to a reader that acquires this value. */
    static void setRelease(MemorySegment s, long offset, int value) {
        INT.setRelease(s, offset, value);
    }

    /**
     * Sequentially consistent load: for the "store one word, then load another" (Dekker) handshakes
     * between a waker and a waiter, where acquire/release alone would allow both to miss each other.
     */
    static int getVolatile(MemorySegment s, long offset) {
        return (int) INT.getVolatile(s, offset);
    }

    /** Sequentially consistent store (see {@link #getVolatile}). */
    static void setVolatile(MemorySegment s, long offset, int value) {
        INT.setVolatile(s, offset, value);
    }

    /** Full-fence compare-and-set. */
    static boolean compareAndSet(MemorySegment s, long offset, int expected, int value) {
        return INT.compareAndSet(s, offset, expected, value);
    }

    /** Full-fence compare-and-exchange; returns the value found (equal to {@code expected} on success). */
    static int compareAndExchange(MemorySegment s, long offset, int expected, int value) {
        return (int) INT.compareAndExchange(s, offset, expected, value);
    }

    /** Full-fence add; returns the previous value. */
    static int getAndAdd(MemorySegment s, long offset, int delta) {
        return (int) INT.getAndAdd(s, offset, delta);
    }

    /** Full-fence exchange; returns the previous value. */
    static int getAndSet(MemorySegment s, long offset, int value) {
        return (int) INT.getAndSet(s, offset, value);
    }
}
