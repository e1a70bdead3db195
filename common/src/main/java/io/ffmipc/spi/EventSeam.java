package io.ffmipc.spi;

import io.ffmipc.EventMode;

/**
 * The OS half of unnamed events that a child process inherits or a peer is handed (eventfd on
 * Linux). Waiting with deadlines, interrupts, close guards and argument rules are the portable
 * layer's ({@code io.ffmipc.core.SeamEvent}).
 */
public interface EventSeam {

    /** A new event, 0 signals pending. */
    NativeEvent create(EventMode mode);

    /** The event behind a handle this process holds; works on a copy of the handle. */
    NativeEvent fromHandle(long handle, EventMode mode);

    /** The event behind the handle the parent passed with this token, taking the handle over. */
    NativeEvent inherited(String token, EventMode mode);
}
