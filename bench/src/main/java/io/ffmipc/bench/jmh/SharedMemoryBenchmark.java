package io.ffmipc.bench.jmh;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
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
 * Access to a mapped shared-memory segment of the library: ordered word access and a 1 KiB copy
 * in and out. The segment is bound to a shared arena, so each access pays the liveness check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forked.NATIVE_ACCESS)
public class SharedMemoryBenchmark {
    private static final VarHandle WORD = ValueLayout.JAVA_LONG.varHandle();
    private SharedMemory shm;
    private MemorySegment segment;
    private MemorySegment local;
    private long counter;

    @Setup(Level.Trial)
    public void open() {
        shm = Ipc.platform().sharedMemory("ffmipc-bench-jmh-shm-" + ProcessHandle.current().pid(), OpenMode.CREATE, 4096);
        shm.unlink();
        segment = shm.segment();
        local = MemorySegment.ofArray(new byte[1024]);
    }

    @TearDown(Level.Trial)
    public void close() {
        shm.close();
    }

    @Benchmark
    public long setReleaseGetAcquire() {
        WORD.setRelease(segment, 64L, ++counter);
        return (long) WORD.getAcquire(segment, 64L);
    }

    @Benchmark
    public MemorySegment copy1KiBInAndOut() {
        MemorySegment.copy(local, 0, segment, 1024, 1024);
        MemorySegment.copy(segment, 2048 - 1024, local, 0, 1024);
        return local;
    }
}
