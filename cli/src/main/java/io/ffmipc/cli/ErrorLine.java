package io.ffmipc.cli;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NativeAccessException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.UnsupportedCapabilityException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns an exception into the one line {@code ffmipc} prints on stderr: what kind of failure it
 * was, in words, then the exception's message (which for an {@link IpcException} names the
 * operation, the object and the OS error).
 */
final class ErrorLine {

    private ErrorLine() {
    }

    static String of(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
        String line = meaning(t) + ": " + message.replace('\n', ' ').strip();
        // The library names its option; on the command line the same choice is a flag.
        if (t instanceof IpcAccessDeniedException && message.contains("acceptingForeignOwner")) {
            line += " (on the command line: ffmipc --accept-foreign-owner ...)";
        }
        return line;
    }

    /** The exception type's meaning, as a user would say it. */
    static String meaning(Throwable t) {
        return switch (t) {
            case NoSuchIpcObjectException e -> "no such object";
            case IpcObjectExistsException e -> "already exists";
            case IpcAccessDeniedException e -> "access denied";
            case IpcLimitException e -> "limit reached";
            case InvalidNameException e -> "invalid name";
            case UnsupportedCapabilityException e -> "not supported on this OS";
            case NativeAccessException e -> "native access not enabled";
            case IpcException e -> "IPC error";
            case UnsupportedOperationException e -> "not available";
            case IllegalArgumentException e -> "invalid argument";
            case IllegalStateException e -> "invalid state";
            case IOException e -> "I/O error";
            case UncheckedIOException e -> "I/O error";
            default -> t.getClass().getSimpleName();
        };
    }
}
