package io.ffmipc.spi;

/**
 * The presence slots of one shared memory object, through one handle of it ({@link PresenceSeam}).
 * Slots are numbers from 0 to {@link #MAX_SLOT}; a slot is held by at most one handle at a time.
 * Each call is one attempt that never waits; real failures are typed
 * {@link io.ffmipc.IpcException}s naming the object.
 */
public interface PresenceSlots {

    /** The largest slot number (any OS can address it: a byte offset below 2^62). */
    long MAX_SLOT = (1L << 62) - 1;

    /**
     * Holds {@code slot} for this handle: {@code true}, or {@code false} if another handle (of this
     * process or another) holds it. The hold lasts until {@link #release} or until the handle
     * closes or its process dies.
     */
    boolean tryHold(long slot);

    /** Ends this handle's hold of {@code slot}; nothing if it holds none. */
    void release(long slot);

    /**
     * Whether a handle other than this one holds {@code slot} now. (What it says of a slot this
     * handle holds itself is undefined: callers know their own slots.)
     */
    boolean heldByAnother(long slot);
}
