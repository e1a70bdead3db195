package io.ffmipc;

/**
 * Where a zero-copy receive reports what it received: the message's size and priority. Owned by
 * the caller and reused from one receive to the next, so receiving allocates nothing; not
 * thread-safe (give each receiving thread its own).
 */
public final class Received {
    private long size = -1;
    private int priority;

    /** An empty holder, to receive into again and again. */
    public Received() {
    }

    /** The size in bytes of the last message received into this holder; -1 before any (or after a timeout). */
    public long size() {
        return size;
    }

    /** The priority of the last message received into this holder (0 where the OS has none). */
    public int priority() {
        return priority;
    }

    /** Set by the queue implementation when a receive completes (size -1: nothing received). */
    public void set(long size, int priority) {
        this.size = size;
        this.priority = priority;
    }

    @Override
    public String toString() {
        return size < 0 ? "Received[nothing]" : "Received[" + size + " bytes, priority " + priority + "]";
    }
}
