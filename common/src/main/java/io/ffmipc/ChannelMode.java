package io.ffmipc;

/**
 * Who may send on a {@link Channel}'s ring. Every ring has exactly one consumer (one receiving
 * thread on its side); the mode says how many producers may write into it.
 */
public enum ChannelMode {
    /**
     * One producer per ring: one sending thread on each side. The cheapest mode: a send is a copy
     * and two ordered stores, no atomic read-modify-write.
     */
    SPSC,
    /**
     * Many producers per ring: any number of threads, in up to {@link Channel#MAX_OPENERS} opening
     * processes, may send to the creator concurrently; each claims its record's space with a
     * compare-and-set on the ring's producer position. Only one opener may receive what the
     * creator sends (each ring still has a single consumer).
     */
    MPSC
}
