package io.ffmipc;

/** The caller's user lacks the permission the object requires. */
public class IpcAccessDeniedException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** See {@link IpcException#IpcException(String, String, OsError, String)}. */
    public IpcAccessDeniedException(String operation, String objectName, OsError osError, String detail) {
        super(operation, objectName, osError, detail);
    }
}
