package io.ffmipc.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names for objects tests create: unique per run, and all beginning with {@link #PREFIX} so that
 * {@link LeakCheck} can find anything a test left behind.
 */
public final class TestNames {
    /** Every test object's name starts with this. */
    public static final String PREFIX = "ffmipc-t-";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);

    /** System V keys this JVM handed out, so the leak check can tell its own objects from another run's. */
    private static final Set<Integer> ISSUED_KEYS = ConcurrentHashMap.newKeySet();

    private TestNames() {
    }

    /** The prefix of every name this JVM (one test run) hands out: {@link #PREFIX}, the run id, a dash. */
    public static String runPrefix() {
        return PREFIX + RUN + "-";
    }

    /** Whether this JVM handed out the System V key. */
    public static boolean issuedHere(long key) {
        return ISSUED_KEYS.contains((int) key);
    }

    /** A fresh portable name, such as {@code ffmipc-t-1a2b3c-shm-7}. */
    public static String unique(String what) {
        return PREFIX + RUN + "-" + what + "-" + COUNTER.incrementAndGet();
    }

    /** A fresh System V key in a range tests own (0x7f1p....), unlikely to meet anyone else's. */
    public static int uniqueSysVKey() {
        int key = 0x7f100000 | ThreadLocalRandom.current().nextInt(1 << 20);
        ISSUED_KEYS.add(key);
        return key;
    }
}
