package io.ffmipc.spi;

/** An open event of an {@link EventSeam}; every method is one attempt and allocates nothing. */
public interface NativeEvent {

    /** The OS handle a child can inherit. */
    long handle();

    /** How messages name it ({@code "eventfd 7"}). */
    String label();

    /** Adds {@code count} (at least 1) signals; {@link io.ffmipc.IpcLimitException} where the counter would overflow. */
    void signal(long count);

    /** Consumes what is pending now, by the event's mode: the number consumed, 0 if none. */
    long poll();

    /**
     * Waits at most {@code nanos} (positive) for a signal and consumes by the event's mode: the
     * number consumed (at least 1), or {@link Attempt#TIMED_OUT} / {@link Attempt#INTERRUPTED}.
     */
    long await(long nanos);

    /** Closes the handle; called once. */
    void close();
}
