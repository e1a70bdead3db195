package io.ffmipc;

/**
 * The rules for a System V IPC key that are the same on every OS with System V IPC (Linux, macOS):
 * how a keyed object is named in messages, and which keys cannot name a shared object — one rule
 * for shared memory, semaphore sets and message queues, for the library and the command alike.
 */
public final class SystemVKeys {
    /** {@code IPC_PRIVATE}: 0 in the Linux and macOS headers alike. */
    public static final int IPC_PRIVATE = 0;
    /** {@code (key_t) -1}: what {@code ftok} returns when it fails. */
    public static final int FTOK_FAILED = -1;

    private SystemVKeys() {
    }

    /** How messages name the object, e.g. {@code System V message queue key 0x7f100001}. */
    public static String label(String kind, int key) {
        return "System V " + kind + " key 0x" + Integer.toHexString(key);
    }

    /**
     * Why {@code key} cannot name an object another process opens, or {@code null} if it can:
     * {@code IPC_PRIVATE} makes a new object on every get, and -1 is what a failed {@code ftok}
     * returns, so every program whose {@code ftok} failed would meet on it.
     */
    public static String unshareableReason(int key) {
        if (key == IPC_PRIVATE) {
            return "key 0 is IPC_PRIVATE, which no other process can open; choose a key";
        }
        if (key == FTOK_FAILED) {
            return "key -1 (0xffffffff) is what a failed ftok returns, shared by every program whose ftok"
                    + " failed; choose another key";
        }
        return null;
    }

    /** Whether {@code key} can name a shared object (see {@link #unshareableReason}). */
    public static boolean isShareable(int key) {
        return unshareableReason(key) == null;
    }

    /**
     * Refuses a key that cannot name a shared object (see {@link #unshareableReason}).
     *
     * @param label the object as {@link #label} names it
     */
    public static void requireShareable(String label, int key) {
        String why = unshareableReason(key);
        if (why != null) {
            throw new IllegalArgumentException(label + ": " + why);
        }
    }
}
