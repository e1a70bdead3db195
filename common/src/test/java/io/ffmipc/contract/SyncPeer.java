package io.ffmipc.contract;

import io.ffmipc.Barrier;
import io.ffmipc.Condition;
import io.ffmipc.EventKind;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NamedEvent;
import io.ffmipc.OpenMode;
import io.ffmipc.ReadWriteLock;
import io.ffmipc.SharedMemory;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * The other processes of {@link SyncContract}. args[0] says what to do; the rest are names and
 * counts. Exit 0 on success; on failure it prints why and exits 2. The test plays a role too,
 * through the same static methods.
 */
public final class SyncPeer {
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final Duration LONG = Duration.ofSeconds(20);

    private SyncPeer() {
    }

    public static void main(String[] args) throws Exception {
        run(Ipc.platform(), args);
    }

    /** The peer's work on {@code p} (a test of another platform's sync types calls this from its own main). */
    public static void run(IpcPlatform p, String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "event" -> event(p, args[1], Integer.parseInt(args[2]));
                case "consumer" -> consumer(p, args[1], args[2], Integer.parseInt(args[3]));
                case "barrier" -> barrier(p, args[1], args[2], Integer.parseInt(args[3]));
                case "rwlock" -> rwlock(p, args[1], args[2], Integer.parseInt(args[3]));
                default -> throw new AssertionError("unknown role " + args[0]);
            }
        } catch (Throwable t) {
            System.out.println("peer failed: " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(2);
        }
        System.out.println("peer done");
        System.exit(0);
    }

    /** Answers each ping (auto reset) with a pong, then waits for the manual-reset 'done'. */
    private static void event(IpcPlatform p, String base, int rounds) {
        try (NamedEvent ping = p.event(base + "-ping", OpenMode.OPEN, EventKind.AUTO_RESET);
             NamedEvent pong = p.event(base + "-pong", OpenMode.OPEN, EventKind.AUTO_RESET);
             NamedEvent done = p.event(base + "-done", OpenMode.OPEN, EventKind.MANUAL_RESET)) {
            for (int i = 0; i < rounds; i++) {
                check(ping.await(LONG), "no ping in round " + i);
                pong.set();
            }
            check(done.await(LONG), "never done");
            check(done.await(Duration.ZERO) && done.isSet(), "a manual-reset event must stay set");
        }
    }

    /** Takes values 1..rounds from a one-slot buffer guarded by the condition; a lost wake-up shows as a timeout. */
    private static void consumer(IpcPlatform p, String cond, String shm, int rounds) {
        try (Condition c = p.condition(cond, OpenMode.OPEN);
             SharedMemory m = p.sharedMemory(shm, OpenMode.OPEN, 0)) {
            MemorySegment s = m.segment();
            for (int i = 1; i <= rounds; i++) {
                c.lock();
                try {
                    while (s.get(ValueLayout.JAVA_INT, 0) == 0) {
                        check(c.await(Duration.ofSeconds(10)) || s.get(ValueLayout.JAVA_INT, 0) != 0,
                                "lost wake-up: no value " + i + " within 10 s");
                    }
                    int v = s.get(ValueLayout.JAVA_INT, 4);
                    check(v == i, "expected value " + i + ", got " + v);
                    s.set(ValueLayout.JAVA_INT, 0, 0);
                    c.signal();
                } finally {
                    c.unlock();
                }
            }
        }
    }

    /**
     * One party of a 3-party barrier over several generations: before each await it counts itself
     * in word 4*g; after the await all 3 must be counted. Its arrival index goes into mask word 256+4*g.
     */
    private static void barrier(IpcPlatform p, String name, String shm, int generations) {
        try (Barrier b = p.barrier(name, OpenMode.OPEN, 3);
             SharedMemory m = p.sharedMemory(shm, OpenMode.OPEN, 0)) {
            barrierRounds(b, m.segment(), generations);
        }
    }

    static void barrierRounds(Barrier b, MemorySegment s, int generations) {
        for (int g = 0; g < generations; g++) {
            INT.getAndAdd(s, 4L * g, 1);
            int index = b.await(LONG);
            check(index >= 0 && index < 3, "generation " + g + ": index " + index);
            int arrived = (int) INT.getVolatile(s, 4L * g);
            check(arrived == 3, "generation " + g + ": passed the barrier with only " + arrived + " arrived");
            INT.getAndBitwiseOr(s, 256 + 4L * g, 1 << index);
        }
    }

    /**
     * Phase 1: hold a read lock until 3 readers (this one, the sibling peer, the test) are inside at
     * once. Phase 2: rounds of write locks checking exclusivity, mixed with reads checking no writer.
     * Words: 0 readers inside, 4 writers inside, 8 violations.
     */
    private static void rwlock(IpcPlatform p, String name, String shm, int rounds) throws InterruptedException {
        try (ReadWriteLock l = p.readWriteLock(name, OpenMode.OPEN);
             SharedMemory m = p.sharedMemory(shm, OpenMode.OPEN, 0)) {
            rwlockRounds(l, m.segment(), rounds);
        }
    }

    static void rwlockRounds(ReadWriteLock l, MemorySegment s, int rounds) throws InterruptedException {
        check(l.readLock(LONG), "no read lock");
        INT.getAndAdd(s, 0L, 1);
        long until = System.nanoTime() + LONG.toNanos();
        while ((int) INT.getVolatile(s, 0L) < 3 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        check((int) INT.getVolatile(s, 0L) >= 3, "readers did not overlap across processes");
        // Phase 2 starts only when every reader has seen the overlap: count ourselves out in word 12.
        INT.getAndAdd(s, 12L, 1);
        while ((int) INT.getVolatile(s, 12L) < 3 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        INT.getAndAdd(s, 0L, -1);
        l.readUnlock();
        for (int i = 0; i < rounds; i++) {
            check(l.writeLock(LONG), "no write lock in round " + i);
            if ((int) INT.getAndAdd(s, 4L, 1) != 0 || (int) INT.getVolatile(s, 0L) != 0) {
                INT.getAndAdd(s, 8L, 1);
            }
            Thread.onSpinWait();
            INT.getAndAdd(s, 4L, -1);
            l.writeUnlock();
            check(l.readLock(LONG), "no read lock in round " + i);
            INT.getAndAdd(s, 0L, 1);
            if ((int) INT.getVolatile(s, 4L) != 0) {
                INT.getAndAdd(s, 8L, 1);
            }
            INT.getAndAdd(s, 0L, -1);
            l.readUnlock();
        }
    }

    /** Fails the peer (or, when the test itself plays a role, the test). */
    static void check(boolean ok, String why) {
        if (!ok) {
            throw new AssertionError(why);
        }
    }
}
