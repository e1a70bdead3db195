package io.ffmipc.bench.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Ipc;
import io.ffmipc.Semaphore;
import io.ffmipc.SystemV;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Uncontended semaphore hot paths: a release followed by a non-blocking acquire (the value
 * stays 0 between invocations), POSIX ({@code sem_post}/{@code sem_trywait}: no system call) and
 * System V ({@code semop}: one system call each).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forked.NATIVE_ACCESS)
public class SemaphoreBenchmark {
    private Semaphore posix;
    private SystemV.SemaphoreSet sysv;

    @Setup(Level.Trial)
    public void open() {
        String name = "ffmipc-bench-jmh-sem-" + ProcessHandle.current().pid();
        posix = Ipc.platform().semaphore(name, OpenMode.CREATE, 0, Permissions.OWNER_ONLY);
        posix.unlink();
        int key = 0x7f2f0000 | (int) (ProcessHandle.current().pid() & 0xffff);
        sysv = Ipc.platform().systemV().orElseThrow().semaphoreSet(key, OpenMode.CREATE, 1, 0);
    }

    @TearDown(Level.Trial)
    public void close() {
        posix.close();
        sysv.remove();
        sysv.close();
    }

    @Benchmark
    public boolean posixReleaseTryAcquire() {
        posix.release();
        return posix.tryAcquire();
    }

    @Benchmark
    public boolean posixReleaseTimedAcquire() {
        posix.release();
        return posix.tryAcquire(Duration.ofSeconds(1));
    }

    @Benchmark
    public boolean sysVReleaseTryAcquire() {
        sysv.release(0, false);
        return sysv.tryAcquire(0, false, Duration.ZERO);
    }
}
