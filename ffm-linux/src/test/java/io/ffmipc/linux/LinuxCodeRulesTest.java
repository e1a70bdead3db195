package io.ffmipc.linux;

import io.ffmipc.testkit.CodeRulesContract;

class LinuxCodeRulesTest extends CodeRulesContract {
    @Override
    protected Class<?> anyMainClass() {
        return LinuxPlatform.class;
    }
}
