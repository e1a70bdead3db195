package io.ffmipc;

/**
 * An open or connect could not complete in time because the peer was not there: no reader opened
 * the FIFO, no server accepted the connection. (Waits such as a receive report a timeout as a
 * result instead; an open has no object to return, so it throws this.)
 */
public class IpcTimeoutException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** See {@link IpcException#IpcException(String, String, OsError, String)}. */
    public IpcTimeoutException(String operation, String objectName, OsError osError, String detail) {
        super(operation, objectName, osError, detail);
    }
}
