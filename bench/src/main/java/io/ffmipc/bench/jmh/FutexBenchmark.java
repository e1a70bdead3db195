package io.ffmipc.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.ffmipc.linux.Futex;
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

/** Futex calls that do not sleep: a wake with no waiter, and a wait whose word already differs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forked.NATIVE_ACCESS)
public class FutexBenchmark {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private Arena arena;
    private MemorySegment word;

    @Setup(Level.Trial)
    public void open() {
        arena = Arena.ofShared();
        word = arena.allocate(64, 64);
    }

    @TearDown(Level.Trial)
    public void close() {
        arena.close();
    }

    @Benchmark
    public int wakeNoWaiter() {
        return Futex.wake(word, 0, 1);
    }

    @Benchmark
    public Futex.Outcome waitValueDiffers() {
        return Futex.wait(word, 0, 1, SECOND);
    }
}
