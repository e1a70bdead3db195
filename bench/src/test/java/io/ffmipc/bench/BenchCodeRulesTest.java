package io.ffmipc.bench;

import io.ffmipc.testkit.CodeRulesContract;

class BenchCodeRulesTest extends CodeRulesContract {
    @Override
    protected Class<?> anyMainClass() {
        return Bench.class;
    }

    /**
     * The JMH call-cost benchmark links getppid itself, to measure a bare downcall; benchmarks run on
     * the class path (--enable-native-access=ALL-UNNAMED, in the benchmarks jar's manifest too).
     */
    @Override
    protected boolean makesRestrictedCalls() {
        return true;
    }
}
