package io.ffmipc.cli;

import io.ffmipc.testkit.CodeRulesContract;

class CliCodeRulesTest extends CodeRulesContract {
    @Override
    protected Class<?> anyMainClass() {
        return Main.class;
    }
}
