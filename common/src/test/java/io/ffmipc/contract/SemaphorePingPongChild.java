package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;

import java.time.Duration;

/** Child side of {@link SemaphoreContract#pingPongWithAChildProcess}: args ping pong rounds. */
public final class SemaphorePingPongChild {
    private SemaphorePingPongChild() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[2]);
        try (Semaphore ping = Ipc.platform().semaphore(args[0], OpenMode.OPEN, 0);
             Semaphore pong = Ipc.platform().semaphore(args[1], OpenMode.OPEN, 0)) {
            for (int i = 0; i < rounds; i++) {
                if (!ping.tryAcquire(Duration.ofSeconds(20))) {
                    System.out.println("no ping in round " + i);
                    System.exit(2);
                }
                pong.release();
            }
        }
        System.exit(0);
    }
}
