package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.SharedMemory;

/**
 * The child side of {@link SharedMemoryContract}'s inheritance test: maps the shared memory its
 * parent handed over by token, checks its size, reads the parent's message and writes
 * {@code "reply:" + message}.
 *
 * <p>Arguments: token, expected size. Exit code 0 on success; anything else is printed.
 */
public final class InheritedSharedMemoryPeer {
    private InheritedSharedMemoryPeer() {
    }

    public static void main(String[] args) {
        long expectedSize = Long.parseLong(args[1]);
        try (SharedMemory shm = Ipc.platform().inheritedSharedMemory(args[0])) {
            if (shm.size() != expectedSize) {
                System.out.println("child mapped " + shm.size() + " bytes, expected " + expectedSize);
                System.exit(2);
            }
            String message = SharedMemoryContract.readText(shm.segment(), SharedMemoryContract.MESSAGE_OFFSET);
            SharedMemoryContract.writeText(shm.segment(), SharedMemoryContract.REPLY_OFFSET, "reply:" + message);
        }
        System.out.println("child done");
    }
}
