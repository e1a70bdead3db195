package io.ffmipc;

import io.ffmipc.testkit.CodeRulesContract;

class CommonCodeRulesTest extends CodeRulesContract {
    @Override
    protected Class<?> anyMainClass() {
        return IpcPlatform.class;
    }
}
