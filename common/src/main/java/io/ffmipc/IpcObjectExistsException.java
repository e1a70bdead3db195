package io.ffmipc;

/** The object already exists and was to be created exclusively ({@link OpenMode#CREATE}). */
public class IpcObjectExistsException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** See {@link IpcException#IpcException(String, String, OsError, String)}. */
    public IpcObjectExistsException(String operation, String objectName, OsError osError, String detail) {
        super(operation, objectName, osError, detail);
    }
}
