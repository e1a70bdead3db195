package io.ffmipc.bench;

import io.ffmipc.testkit.CodeRulesContract;

class BenchCodeRulesTest extends CodeRulesContract {
    @Override
    protected Class<?> anyMainClass() {
        return Bench.class;
    }
}
