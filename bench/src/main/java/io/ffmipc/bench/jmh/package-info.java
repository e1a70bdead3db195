/**
 * JMH micro-benchmarks: the per-call cost and allocation of each wrapper on its uncontended hot
 * path. Build with {@code mvn -B -q -pl bench -am package -DskipTests}, run with
 * {@code java -jar bench/target/benchmarks.jar} (all) or with a name pattern, and add
 * {@code -prof gc} to see allocation: the hot paths show {@code gc.alloc.rate.norm ≈ 0 B/op}.
 * Each benchmark forks a JVM with native access enabled ({@link io.ffmipc.bench.jmh.Forked}).
 */
package io.ffmipc.bench.jmh;
