package io.ffmipc.linux;

import io.ffmipc.testkit.CodeRulesContract;

class LinuxCodeRulesTest extends CodeRulesContract {
    @Override
    protected Class<?> anyMainClass() {
        return LinuxSeams.class;
    }

    /** The provider reinterprets what libc returns: it is the second module the native-access flag names. */
    @Override
    protected boolean makesRestrictedCalls() {
        return true;
    }
}
