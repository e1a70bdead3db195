package io.ffmipc;

import java.util.Optional;

/**
 * Root of every error the library throws. Carries the operation that failed, the object it
 * concerned and, when the OS refused, the OS error with its symbolic name and text.
 */
public class IpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The operation that failed, as the message names it ({@code "open shared memory"}, {@code "shm_open"}). */
    private final String operation;
    /** The portable name of the object concerned, or null. */
    private final String objectName;
    private final transient OsError osError;

    /**
     * An error whose message reads {@code "OPERATION 'NAME' failed: DETAIL: OS ERROR"}, leaving out
     * what is null.
     *
     * @param operation  the operation or OS call that failed
     * @param objectName the portable name of the object concerned, or null
     * @param osError    what the OS reported, or null when the library refused on its own
     * @param detail     what went wrong or what to do, or null
     */
    public IpcException(String operation, String objectName, OsError osError, String detail) {
        super(format(operation, objectName, osError, detail));
        this.operation = operation;
        this.objectName = objectName;
        this.osError = osError;
    }

    /** An error the library found on its own, with no OS error. */
    public IpcException(String operation, String objectName, String detail) {
        this(operation, objectName, null, detail);
    }

    private static String format(String operation, String objectName, OsError osError, String detail) {
        StringBuilder sb = new StringBuilder(operation);
        if (objectName != null) {
            sb.append(" '").append(objectName).append('\'');
        }
        sb.append(" failed");
        if (osError != null) {
            sb.append(": ").append(osError);
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(osError != null ? " — " : ": ").append(detail);
        }
        return sb.toString();
    }

    /** The operation that failed, such as {@code shm_open} or {@code open shared memory}. */
    public String operation() {
        return operation;
    }

    /** The object the operation concerned, if it has a name. */
    public Optional<String> objectName() {
        return Optional.ofNullable(objectName);
    }

    /** The OS error behind this exception, if the OS reported one. */
    public Optional<OsError> osError() {
        return Optional.ofNullable(osError);
    }
}
