package io.ffmipc;

import java.util.Optional;

/**
 * Root of every error the library throws. Carries the operation that failed, the object it
 * concerned and, when the OS refused, the OS error with its symbolic name and text.
 */
public class IpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String objectName;
    private final transient OsError osError;

    public IpcException(String operation, String objectName, OsError osError, String detail) {
        super(format(operation, objectName, osError, detail));
        this.operation = operation;
        this.objectName = objectName;
        this.osError = osError;
    }

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
