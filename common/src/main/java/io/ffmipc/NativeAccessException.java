package io.ffmipc;

/** Native access was denied to the library's module; the message names the flag that grants it. */
public class NativeAccessException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** {@code detail} names the flag that grants native access; {@code cause} is the JVM's refusal. */
    public NativeAccessException(String detail, Throwable cause) {
        super("enable native access", null, null, detail);
        initCause(cause);
    }
}
