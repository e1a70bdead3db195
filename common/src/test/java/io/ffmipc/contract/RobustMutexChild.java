package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.LockResult;
import io.ffmipc.OpenMode;
import io.ffmipc.RobustMutex;
import io.ffmipc.SharedMemory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The child side of {@link RobustMutexContract}. Every line it prints is flushed at once, so the
 * parent can read what it was told even when it kills the child right after.
 *
 * <ul>
 *   <li>{@code count NAME SHM ROUNDS}: ROUNDS times: lock, read the counter at offset 0 of SHM,
 *       pause, write it back plus one, unlock (a deliberately non-atomic read-modify-write);</li>
 *   <li>{@code hold NAME}: takes the lock (waiting at most 20 s), prints
 *       {@code locked <result> <pid>}, then holds it until killed;</li>
 *   <li>{@code script NAME}: one command per line on stdin — {@code lock} (prints
 *       {@code waiting}, then {@code locked <result>}), {@code unlock} (prints {@code unlocked});
 *       ends at the end of input.</li>
 * </ul>
 */
public final class RobustMutexChild {
    static final Duration CHILD_TIMEOUT = Duration.ofSeconds(20);

    private RobustMutexChild() {
    }

    public static void main(String[] args) throws Exception {
        try (RobustMutex m = Ipc.platform().mutex(args[1], OpenMode.OPEN)) {
            switch (args[0]) {
                case "count" -> count(m, args[2], Integer.parseInt(args[3]));
                case "hold" -> hold(m);
                case "script" -> script(m);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    private static void count(RobustMutex m, String shmName, int rounds) {
        try (SharedMemory shm = Ipc.platform().sharedMemory(shmName, OpenMode.OPEN, 0)) {
            for (int i = 0; i < rounds; i++) {
                LockResult r = m.tryLock(CHILD_TIMEOUT);
                if (r != LockResult.ACQUIRED) {
                    say("round " + i + ": " + r);
                    System.exit(2);
                }
                long v = shm.segment().get(ValueLayout.JAVA_LONG, 0);
                LockSupport.parkNanos(20_000); // widen the race window: without the lock, increments are lost
                shm.segment().set(ValueLayout.JAVA_LONG, 0, v + 1);
                m.unlock();
            }
        }
    }

    private static void hold(RobustMutex m) throws InterruptedException {
        LockResult r = m.tryLock(CHILD_TIMEOUT);
        say("locked " + r + " " + ProcessHandle.current().pid());
        if (!r.acquired()) {
            System.exit(3);
        }
        Thread.sleep(CHILD_TIMEOUT.multipliedBy(3));
        say("never killed");
        System.exit(4);
    }

    private static void script(RobustMutex m) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            switch (line.strip()) {
                case "lock" -> {
                    say("waiting");
                    say("locked " + m.tryLock(CHILD_TIMEOUT));
                }
                case "unlock" -> {
                    m.unlock();
                    say("unlocked");
                }
                default -> say("unknown command " + line);
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
