package io.ffmipc.posix;

/**
 * The rules for a System V IPC key that are the same on every OS with System V IPC (Linux, macOS):
 * how a keyed object is named in messages, and that {@code IPC_PRIVATE} (0 on both) cannot be shared.
 */
public final class SystemVKeys {
    /** {@code IPC_PRIVATE}: 0 in the Linux and macOS headers alike. */
    public static final int IPC_PRIVATE = 0;

    private SystemVKeys() {
    }

    /** How messages name the object, e.g. {@code System V message queue key 0x7f100001}. */
    public static String label(String kind, int key) {
        return "System V " + kind + " key 0x" + Integer.toHexString(key);
    }

    /**
     * Refuses {@code IPC_PRIVATE}: every get with it makes a new object that no other process can open.
     *
     * @param label the object as {@link #label} names it
     */
    public static void requireShareable(String label, int key) {
        if (key == IPC_PRIVATE) {
            throw new IllegalArgumentException(label + ": key 0 is IPC_PRIVATE, which no other process can open;"
                    + " choose a key");
        }
    }
}
