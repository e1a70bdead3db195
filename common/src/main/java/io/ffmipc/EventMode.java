package io.ffmipc;

/** How an {@link Event} hands out its pending signals. */
public enum EventMode {
    /** A wait consumes every pending signal and returns how many there were. */
    COUNTER,
    /** A wait consumes exactly one pending signal. */
    SEMAPHORE
}
