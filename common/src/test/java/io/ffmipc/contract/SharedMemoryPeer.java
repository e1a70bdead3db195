package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;

/**
 * The child side of {@link SharedMemoryContract}'s cross-process test: finds the parent's object by
 * name (OPEN_OR_CREATE must open, not create, it), maps it whole (OPEN with size 0), checks its
 * size, reads the parent's message and writes {@code "reply:" + message} for the parent to check.
 *
 * <p>Arguments: name, expected size. Exit code 0 on success; anything else is printed.
 */
public final class SharedMemoryPeer {
    private SharedMemoryPeer() {
    }

    public static void main(String[] args) {
        String name = args[0];
        long expectedSize = Long.parseLong(args[1]);
        try (SharedMemory probe = Ipc.platform().sharedMemory(name, OpenMode.OPEN_OR_CREATE, expectedSize)) {
            if (probe.created()) {
                fail("the child created '" + name + "' instead of opening the parent's object");
            }
        }
        try (SharedMemory shm = Ipc.platform().sharedMemory(name, OpenMode.OPEN, 0)) {
            if (shm.size() != expectedSize) {
                fail("child mapped " + shm.size() + " bytes, expected the whole object of " + expectedSize);
            }
            String message = SharedMemoryContract.readText(shm.segment(), SharedMemoryContract.MESSAGE_OFFSET);
            SharedMemoryContract.writeText(shm.segment(), SharedMemoryContract.REPLY_OFFSET, "reply:" + message);
        }
    }

    private static void fail(String why) {
        System.out.println(why);
        System.exit(2);
    }
}
