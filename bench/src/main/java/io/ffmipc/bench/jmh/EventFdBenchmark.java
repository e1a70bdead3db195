package io.ffmipc.bench.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;
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

/** eventfd hot paths: signal then consume (a write and a read system call). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forked.NATIVE_ACCESS)
public class EventFdBenchmark {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private Event event;

    @Setup(Level.Trial)
    public void open() {
        event = Ipc.platform().event(EventMode.COUNTER); // an eventfd on Linux
    }

    @TearDown(Level.Trial)
    public void close() {
        event.close();
    }

    @Benchmark
    public long signalPoll() {
        event.signal();
        return event.poll();
    }

    @Benchmark
    public long signalAwait() {
        event.signal();
        return event.await(SECOND);
    }
}
