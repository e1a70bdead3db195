package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SystemV;

import java.time.Duration;

/**
 * Child JVM for {@link SystemVContract}'s semaphore set tests. Modes:
 * {@code race KEY START_AT_MILLIS} opens-or-creates the set at a common instant and prints what it saw;
 * {@code hold KEY} takes semaphore 0 with SEM_UNDO, prints "held" and waits to be killed.
 */
public final class SysVSemaphoreChild {
    private SysVSemaphoreChild() {
    }

    private static SystemV systemV() {
        return Ipc.platform().systemV().orElseThrow();
    }

    public static void main(String[] args) throws Exception {
        int key = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "race" -> {
                long startAt = Long.parseLong(args[2]);
                while (System.currentTimeMillis() < startAt) {
                    Thread.onSpinWait();
                }
                try (SystemV.SemaphoreSet set = systemV().semaphoreSet(key, OpenMode.OPEN_OR_CREATE, 3, 5, 6, 7)) {
                    System.out.println("created=" + set.created() + " values=" + set.value(0) + "," + set.value(1) + ","
                            + set.value(2));
                }
            }
            case "hold" -> {
                try (SystemV.SemaphoreSet set = systemV().semaphoreSet(key, OpenMode.OPEN, 1)) {
                    if (!set.tryAcquire(0, true, Duration.ofSeconds(20))) {
                        System.out.println("could not take the semaphore");
                        System.exit(2);
                    }
                    System.out.println("held");
                    System.out.flush();
                    Thread.sleep(60_000);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }
}
