package io.ffmipc.spi;

import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OsError;
import io.ffmipc.PeerClosedException;

/** Turns an OS error into the exception type its {@link ErrorKind} calls for; one place for every OS. */
public final class IpcErrors {
    private IpcErrors() {
    }

    /**
     * The exception for an OS error: its type from {@code kind}, its message naming the operation,
     * the object and the error.
     *
     * @param operation  the OS call or the library operation that failed ({@code shm_open})
     * @param objectName the object's portable name, or null
     * @param error      the OS error
     * @param kind       what the code means (from the OS module's error table)
     * @param detail     extra explanation (which limit and its value), or null
     */
    public static IpcException of(String operation, String objectName, OsError error, ErrorKind kind, String detail) {
        return switch (kind) {
            case EXISTS -> new IpcObjectExistsException(operation, objectName, error, detail);
            case NOT_FOUND -> new NoSuchIpcObjectException(operation, objectName, error, detail);
            case ACCESS_DENIED -> new IpcAccessDeniedException(operation, objectName, error, detail);
            case LIMIT -> new IpcLimitException(operation, objectName, error, detail);
            case PEER_CLOSED -> new PeerClosedException(operation, objectName, error, detail);
            case OTHER -> new IpcException(operation, objectName, error, detail);
        };
    }

    /**
     * What opening a missing object says, on every OS and for every kind:
     * {@code no shared memory with this name (OpenMode.OPEN does not create)}.
     *
     * @param kind the object's kind as users call it ({@code shared memory}, {@code channel})
     */
    public static String missingOnOpen(String kind) {
        return "no " + kind + " with this name (OpenMode.OPEN does not create)";
    }

    /**
     * A missing object built on another one (a channel or a portable queue on shared memory) named as
     * the object the caller asked for, not as the one underneath: {@code open channel 'x' failed:
     * ENOENT (2): … — no channel with this name (OpenMode.OPEN does not create)}. The OS error and
     * the original exception (as the cause) are kept.
     */
    public static NoSuchIpcObjectException missingOnOpen(String operation, String name, String kind,
                                                         NoSuchIpcObjectException underneath) {
        NoSuchIpcObjectException e = new NoSuchIpcObjectException(operation, name, underneath.osError().orElse(null),
                missingOnOpen(kind));
        e.initCause(underneath);
        return e;
    }

    /** A closed object was used: the portable rule is {@link IllegalStateException}. */
    public static IllegalStateException closed(String what, String name) {
        return new IllegalStateException(what + " '" + name + "' is closed");
    }
}
