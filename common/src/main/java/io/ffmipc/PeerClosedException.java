package io.ffmipc;

/**
 * The other end of a pipe or connection is gone: a write to a FIFO nobody reads any more, a send
 * on a message pipe whose peer closed or died. Never a signal that kills the process: the library
 * asks the OS for an error code instead (MSG_NOSIGNAL; the JVM ignores SIGPIPE).
 */
public class PeerClosedException extends IpcException {
    private static final long serialVersionUID = 1L;

    /** See {@link IpcException#IpcException(String, String, OsError, String)}. */
    public PeerClosedException(String operation, String objectName, OsError osError, String detail) {
        super(operation, objectName, osError, detail);
    }
}
