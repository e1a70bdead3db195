package io.ffmipc;

/** A name broke a naming rule; the message says which rule and, where it is an OS limit, its value. */
public class InvalidNameException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** {@code name} (may be null) broke {@code rule}, which the message quotes. */
    public InvalidNameException(String name, String rule) {
        super("validate name", name, null, rule);
    }
}
