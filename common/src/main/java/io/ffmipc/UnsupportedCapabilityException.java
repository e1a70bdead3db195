package io.ffmipc;

/** A capability this OS does not offer was asked for; the message names the row and the reason. */
public class UnsupportedCapabilityException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** The matrix row that was asked for. */
    private final Capability capability;

    /** {@code os}'s matrix marks {@code capability} unsupported, for {@code reason}. */
    public UnsupportedCapabilityException(Capability capability, String os, String reason) {
        super("use " + capability.title(), null, null,
                "capability " + capability + " is not supported on " + os + ": " + reason);
        this.capability = capability;
    }

    /** The matrix row that was asked for. */
    public Capability capability() {
        return capability;
    }
}
