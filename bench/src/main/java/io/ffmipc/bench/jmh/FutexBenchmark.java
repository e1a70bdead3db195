package io.ffmipc.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.ffmipc.Ipc;
import io.ffmipc.SharedMemory;
import io.ffmipc.WaitWord;
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
 * Wait-word calls that do not sleep (a shared futex on Linux): a wake with no waiter, and a wait
 * whose word already differs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forked.NATIVE_ACCESS)
public class FutexBenchmark {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private SharedMemory memory;
    private WaitWord word;

    @Setup(Level.Trial)
    public void open() {
        memory = Ipc.platform().anonymousSharedMemory(4096);
        word = Ipc.platform().waitWord(memory, 0);
    }

    @TearDown(Level.Trial)
    public void close() {
        word.close();
        memory.close();
    }

    @Benchmark
    public int wakeNoWaiter() {
        return word.wake(1);
    }

    @Benchmark
    public boolean waitValueDiffers() {
        return word.await(1, SECOND);
    }
}
