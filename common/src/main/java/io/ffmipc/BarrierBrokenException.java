package io.ffmipc;

/** A {@link Barrier} is broken: a party timed out or was interrupted; it stays broken. */
public class BarrierBrokenException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** {@code detail} says how it broke (a party timed out, or was interrupted). */
    public BarrierBrokenException(String operation, String barrierName, String detail) {
        super(operation, barrierName, null, detail);
    }
}
