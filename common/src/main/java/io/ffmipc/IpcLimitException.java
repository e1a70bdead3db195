package io.ffmipc;

/** A system or library limit was reached: a size, a count, a maximum value or a name length. The message names the limit and its value. */
public class IpcLimitException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** See {@link IpcException#IpcException(String, String, OsError, String)}. */
    public IpcLimitException(String operation, String objectName, OsError osError, String detail) {
        super(operation, objectName, osError, detail);
    }
}
