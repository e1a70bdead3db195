package io.ffmipc.core;

import io.ffmipc.ObjectKind;

/**
 * What a name found in the shared-memory namespace is: a user's shared memory under its portable
 * name, or an object the library keeps under a {@linkplain io.ffmipc.IpcNames#reserved reserved}
 * name ({@code .channel.jobs} is the channel {@code jobs}). Listings use it to show every object
 * as its kind, on every OS.
 */
public final class StoredNames {
    /** The stored-name tag of robust-mutex anchors ({@code .mutex.NAME}). */
    public static final String MUTEX_TAG = "mutex";

    private StoredNames() {
    }

    /** A stored name read back: its kind and its portable name. */
    public record Found(ObjectKind kind, String name) {
    }

    /** The kind and portable name behind a stored name; shared memory if it is no reserved name. */
    public static Found classify(String stored) {
        if (stored.startsWith(".")) {
            int dot = stored.indexOf('.', 1);
            if (dot > 1) {
                String tag = stored.substring(1, dot);
                String name = stored.substring(dot + 1);
                if (tag.equals(MUTEX_TAG)) {
                    return new Found(ObjectKind.MUTEX, name);
                }
                StructureKind k = StructureKind.byTag(tag);
                if (k != null) {
                    return new Found(k.objectKind(), name);
                }
            }
        }
        return new Found(ObjectKind.SHARED_MEMORY, stored);
    }
}
