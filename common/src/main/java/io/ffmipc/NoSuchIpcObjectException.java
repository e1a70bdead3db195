package io.ffmipc;

/** The object does not exist and was to be opened, not created. */
public class NoSuchIpcObjectException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** See {@link IpcException#IpcException(String, String, OsError, String)}. */
    public NoSuchIpcObjectException(String operation, String objectName, OsError osError, String detail) {
        super(operation, objectName, osError, detail);
    }
}
