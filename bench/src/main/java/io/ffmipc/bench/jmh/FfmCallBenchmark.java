package io.ffmipc.bench.jmh;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The floor under every wrapper: one FFM downcall to a libc function that does (almost) nothing. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forked.NATIVE_ACCESS)
public class FfmCallBenchmark {
    private static final MethodHandle GETPPID = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("getppid").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT));

    /** getppid through a plain downcall handle (no errno capture). */
    @Benchmark
    public int getppid() throws Throwable {
        return (int) GETPPID.invokeExact();
    }
}
