package io.ffmipc.core;

import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.spi.IpcErrors;

import java.util.function.Supplier;

/**
 * The three {@link OpenMode}s over a seam's two attempts — an exclusive create and a plain open —
 * with the messages every kind shares: CREATE of a taken name and OPEN of a missing one say which
 * mode was asked for ("no semaphore with this name (OpenMode.OPEN does not create)"), whatever
 * the OS call was.
 */
public final class OpenModes {
    private OpenModes() {
    }

    /**
     * Runs {@code create}, {@code open} or both ({@link OpenOrCreate}) as {@code mode} says.
     *
     * @param operation names the whole operation in the message of a create/open race given up ({@code "open semaphore"})
     * @param what      the kind as messages name it ({@code "semaphore"})
     * @param label     the object's name as messages show it
     */
    public static <T> T open(OpenMode mode, String operation, String what, String label, Supplier<T> create,
                             Supplier<T> open) {
        return switch (mode) {
            case CREATE -> create(create, what, label);
            case OPEN -> openExisting(open, what, label);
            case OPEN_OR_CREATE -> OpenOrCreate.run(operation, label, create, open);
        };
    }

    private static <T> T create(Supplier<T> attempt, String what, String label) {
        try {
            return attempt.get();
        } catch (IpcObjectExistsException e) {
            throw new IpcObjectExistsException("create " + what, label, e.osError().orElse(null),
                    "a " + what + " with this name exists (OpenMode.CREATE is exclusive)");
        }
    }

    private static <T> T openExisting(Supplier<T> attempt, String what, String label) {
        try {
            return attempt.get();
        } catch (NoSuchIpcObjectException e) {
            throw IpcErrors.missingOnOpen("open " + what, label, what, e);
        }
    }
}
