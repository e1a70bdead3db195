package io.ffmipc.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names and System V keys of the objects the benchmark creates: {@code ffmipc-bench-…} and keys
 * 0x7f2xxxxx, apart from the tests' {@code ffmipc-t-…} and 0x7f1xxxxx.
 */
final class BenchNames {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();

    private BenchNames() {
    }

    static String unique(String what) {
        return "ffmipc-bench-" + what + "-" + PID + "-" + COUNTER.incrementAndGet();
    }

    /** A System V key to try; callers retry with the next on "exists". */
    static int sysVKey() {
        return 0x7f200000 | (int) ((PID * 31 + COUNTER.incrementAndGet() * 7919L) & 0xfffff);
    }
}
