package io.ffmipc.core;

import io.ffmipc.IpcException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;

import java.util.function.Supplier;

/**
 * {@link io.ffmipc.OpenMode#OPEN_OR_CREATE} built from an exclusive create and a plain open, for
 * namespaces where "create or open" cannot say which of the two happened. Another process may
 * create the object between our failed create and our open, or remove it between our failed open
 * and our create; both are retried.
 */
public final class OpenOrCreate {
    /** Far more rounds than a real create/remove race needs; stops a livelock from spinning forever. */
    static final int MAX_ROUNDS = 1000;

    private OpenOrCreate() {
    }

    public static <T> T run(String operation, String name, Supplier<T> createExclusive, Supplier<T> openExisting) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            try {
                return createExclusive.get();
            } catch (IpcObjectExistsException exists) {
                try {
                    return openExisting.get();
                } catch (NoSuchIpcObjectException removedMeanwhile) {
                    Thread.onSpinWait(); // removed between the two calls: try creating again
                }
            }
        }
        throw new IpcException(operation, name, null, "the object kept being created and removed by other processes;"
                + " gave up after " + MAX_ROUNDS + " attempts to open or create it");
    }
}
