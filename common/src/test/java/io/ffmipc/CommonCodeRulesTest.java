package io.ffmipc;

import io.ffmipc.testkit.CodeRulesContract;

class CommonCodeRulesTest extends CodeRulesContract {
    @Override
    protected Class<?> anyMainClass() {
        return IpcPlatform.class;
    }

    /** NativeBinder links the downcalls: io.ffmipc is one of the two modules the native-access flag names. */
    @Override
    protected boolean makesRestrictedCalls() {
        return true;
    }
}
