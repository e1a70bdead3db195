package io.ffmipc.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.ffmipc.Ipc;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.Received;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One send plus one receive (MemorySegment forms) on a message queue in one JVM, per kind: the
 * POSIX queue (two system calls) and the portable shared-memory queue (none while nobody waits).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forked.NATIVE_ACCESS)
public class MessageQueueBenchmark {
    private static final Duration NOW = Duration.ZERO;

    @Param({"posix", "shared-memory"})
    public String kind;

    @Param({"8", "1024"})
    public int size;

    private String name;
    private MessageQueue queue;
    private Arena arena;
    private MemorySegment message;
    private MemorySegment into;
    private final Received received = new Received();

    @Setup(Level.Trial)
    public void open() {
        name = "ffmipc-bench-jmh-mq-" + ProcessHandle.current().pid();
        MessageQueueOptions options = MessageQueueOptions.defaults().withMaxMessages(8).withMaxMessageSize(1024);
        queue = kind.equals("posix")
                ? Ipc.platform().messageQueue(name, OpenMode.CREATE, options)
                : Ipc.platform().sharedMemoryMessageQueue(name, OpenMode.CREATE, options);
        arena = Arena.ofConfined();
        message = arena.allocate(size, 8);
        into = arena.allocate(1024, 8);
    }

    @TearDown(Level.Trial)
    public void close() {
        queue.close();
        if (kind.equals("posix")) {
            Ipc.platform().removeMessageQueue(name);
        } else {
            Ipc.platform().removeSharedMemoryMessageQueue(name);
        }
        arena.close();
    }

    @Benchmark
    public long sendThenReceive() {
        if (!queue.send(message, 0, NOW)) {
            throw new IllegalStateException("queue full");
        }
        return queue.receive(into, received, NOW);
    }
}
