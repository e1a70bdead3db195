package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SystemV;

import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The child side of {@link SystemVContract}'s attach-count test: attaches the segment by key, announces itself
 * by writing its pid at offset 0, waits until the parent writes 1 at offset 8, then detaches.
 * Argument: the key in decimal.
 */
public final class SysVPeer {
    static final VarHandle LONG = JAVA_LONG.varHandle();
    static final VarHandle INT = JAVA_INT.varHandle();

    private SysVPeer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int key = Integer.parseInt(args[0]);
        try (SystemV.Segment shm = Ipc.platform().systemV().orElseThrow().sharedMemory(key, OpenMode.OPEN, 0,
                Permissions.OWNER_ONLY)) {
            if (shm.created()) {
                System.out.println("the child created the segment instead of opening it");
                System.exit(2);
            }
            LONG.setRelease(shm.segment(), 0L, ProcessHandle.current().pid());
            long deadline = System.nanoTime() + 30_000_000_000L;
            while ((int) INT.getAcquire(shm.segment(), 8L) != 1) {
                if (System.nanoTime() > deadline) {
                    System.out.println("the parent never said go");
                    System.exit(3);
                }
                Thread.sleep(2);
            }
        }
    }
}
