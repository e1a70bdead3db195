package io.ffmipc;

/** How a {@link NamedEvent} resets. */
public enum EventKind {
    /** Stays set, releasing every waiter (present and future), until {@link NamedEvent#reset()}. */
    MANUAL_RESET,
    /** Releases one waiter per set and resets as that waiter returns. */
    AUTO_RESET
}
