package io.ffmipc.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rules about a module's compiled code that no compiler checks; each module subclasses it with one
 * of its main classes (the scan reads every class of that class directory or jar).
 */
public abstract class CodeRulesContract {

    /** Any class of the module's main code. */
    protected abstract Class<?> anyMainClass();

    /**
     * Whether the module may call restricted methods: only the modules the native-access flag names
     * ({@code io.ffmipc.ffi.NativeAccessCheck}: the portable module and the provider) may, or the one
     * flag users are told would not be enough.
     */
    protected boolean makesRestrictedCalls() {
        return false;
    }

    @Test
    void restrictedCallsOnlyInTheModulesTheNativeAccessFlagNames() {
        if (makesRestrictedCalls()) {
            return;
        }
        List<String> sites = Bytecode.restrictedCalls(anyMainClass()).stream().map(Bytecode.Site::toString).toList();
        assertEquals(List.of(), sites, "this module is not named by --enable-native-access; leave native calls to"
                + " the portable module and the provider");
    }

    /** A message prints durations with {@code io.ffmipc.spi.Durations.format}, never as {@code PT-0.005S}. */
    @Test
    void noDurationIsPrintedInItsIsoForm() {
        List<String> sites = Bytecode.durationsPrintedAsIso(anyMainClass()).stream().map(Bytecode.Site::toString).toList();
        assertEquals(List.of(), sites, "format durations with io.ffmipc.spi.Durations.format");
    }
}
