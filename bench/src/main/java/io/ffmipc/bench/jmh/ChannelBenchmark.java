package io.ffmipc.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import io.ffmipc.Channel;
import io.ffmipc.ChannelOptions;
import io.ffmipc.Ipc;
import io.ffmipc.MessageHandler;
import io.ffmipc.OpenMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The channel's hot path without a second process: the creator's end offers a message, the
 * opener's end (in the same JVM) takes it out again — one offer plus one copy-out receive — and
 * the stream's form, offers taken in place by one poll.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forked.NATIVE_ACCESS)
public class ChannelBenchmark {
    @Param({"8", "64", "1024"})
    public int size;

    private String name;
    private Channel creator;
    private Channel opener;
    private Arena arena;
    private MemorySegment message;
    private MemorySegment into;

    @Setup(Level.Trial)
    public void open() {
        name = "ffmipc-bench-jmh-channel-" + ProcessHandle.current().pid();
        creator = Ipc.platform().channel(name, OpenMode.CREATE, ChannelOptions.defaults());
        opener = Ipc.platform().channel(name, OpenMode.OPEN, ChannelOptions.defaults());
        arena = Arena.ofConfined();
        message = arena.allocate(size, 8);
        into = arena.allocate(1024, 8);
    }

    @TearDown(Level.Trial)
    public void close() {
        opener.close();
        creator.close();
        Ipc.platform().removeChannel(name);
        arena.close();
    }

    @Benchmark
    public int offerThenReceive() {
        if (!creator.tryOffer(message)) {
            throw new IllegalStateException("ring full");
        }
        return opener.tryReceive(into);
    }

    /** The stream's form: 16 offers, then one poll that takes them in place (the position published once). */
    @Benchmark
    @OperationsPerInvocation(16)
    public long offerThenPoll() {
        for (int i = 0; i < 16; i++) {
            if (!creator.tryOffer(message)) {
                throw new IllegalStateException("ring full");
            }
        }
        total = 0;
        if (opener.poll(summer, 16) != 16) {
            throw new IllegalStateException("poll took fewer than 16");
        }
        return total;
    }

    private long total;
    private final MessageHandler summer = (buffer, offset, length) -> total += length;
}
