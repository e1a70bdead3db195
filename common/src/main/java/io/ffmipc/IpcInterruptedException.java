package io.ffmipc;

/**
 * A blocking call (an acquire, an await) ended because the waiting thread was interrupted. The
 * thread's interrupt flag stays set, so code further up still sees the interrupt.
 */
public class IpcInterruptedException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** {@code operation} on {@code objectName} was waiting when its thread was interrupted. */
    public IpcInterruptedException(String operation, String objectName) {
        super(operation, objectName, null, "the waiting thread was interrupted (its interrupt flag stays set)");
    }
}
