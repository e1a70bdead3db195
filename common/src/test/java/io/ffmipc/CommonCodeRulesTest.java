package io.ffmipc;

import io.ffmipc.testkit.Bytecode;
import io.ffmipc.testkit.CodeRulesContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommonCodeRulesTest extends CodeRulesContract {
    @Override
    protected Class<?> anyMainClass() {
        return IpcPlatform.class;
    }

    /**
     * Native access is granted per module, and the one flag users are told names the provider's
     * module (io.ffmipc.linux): so the portable module must make no restricted call of its own.
     * Downcalls are linked by a function the provider hands to NativeBinder; memory is reinterpreted
     * in the provider.
     */
    @Test
    void thePortableModuleMakesNoRestrictedCall() {
        assertEquals(List.of(), Bytecode.restrictedCalls(IpcPlatform.class).stream().map(Bytecode.Site::toString).toList());
    }
}
