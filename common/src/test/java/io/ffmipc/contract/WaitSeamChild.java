package io.ffmipc.contract;

import io.ffmipc.core.SeamWaits;
import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.core.Deadline;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.testkit.StructureMemory;

import java.time.Duration;

/** Child of {@link WaitSeamContract}: parks on word 64 of the named memory until woken; args: name. */
public final class WaitSeamChild {
    private WaitSeamChild() {
    }

    public static void main(String[] args) {
        var platform = Ipc.platform();
        var seams = StructureMemory.seams(platform);
        try (SharedMemory shm = platform.sharedMemory(args[0], OpenMode.OPEN, 0);
             SharedWord word = seams.waitSeam().orElseThrow().word(shm, 64)) {
            long t0 = System.nanoTime();
            boolean woken = SeamWaits.await(word, 0, Deadline.nanosAfter(Duration.ofSeconds(20)), word);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println((woken ? "woken" : "timed out") + " after " + ms + " ms");
            System.exit(woken ? 0 : 2);
        }
    }
}
