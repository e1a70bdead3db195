package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.PresenceSlots;
import io.ffmipc.testkit.StructureMemory;

/**
 * The child side of {@link PresenceContract}: {@code hold NAME SLOT} opens the named shared memory,
 * holds the slot, prints {@code holding} and sleeps until it is killed.
 */
public final class PresencePeer {
    private PresencePeer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (!args[0].equals("hold")) {
            throw new IllegalArgumentException(args[0]);
        }
        try (SharedMemory shm = Ipc.platform().sharedMemory(args[1], OpenMode.OPEN, 0)) {
            PresenceSlots slots = StructureMemory.seams(Ipc.platform()).presence().orElseThrow().slots(shm);
            if (!slots.tryHold(Long.parseLong(args[2]))) {
                System.out.println("slot " + args[2] + " is held by another handle");
                System.exit(2);
            }
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
