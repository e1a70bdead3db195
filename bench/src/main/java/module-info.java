/**
 * The ffm-ipc benchmark: the two-process harness ({@link io.ffmipc.bench.Bench}) behind
 * {@code ffmipc bench}, and JMH micro-benchmarks of the wrappers (run from benchmarks.jar).
 */
module io.ffmipc.bench {
    requires io.ffmipc;
    requires HdrHistogram;
    requires io.aeron.all;
    requires static jmh.core;

    exports io.ffmipc.bench;
}
