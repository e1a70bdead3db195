package io.ffmipc.spi.abi;

import io.ffmipc.NativeAccessException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeAccessCheckTest {

    @Test
    void namedModuleGetsItsName() {
        Module base = Object.class.getModule();
        assertTrue(base.isNamed());
        assertEquals("--enable-native-access=java.base", NativeAccessCheck.flag(base));
    }

    @Test
    void unnamedModuleGetsAllUnnamed() {
        Module here = NativeAccessCheckTest.class.getModule();
        assertFalse(here.isNamed()); // tests run on the class path
        assertEquals("--enable-native-access=ALL-UNNAMED", NativeAccessCheck.flag(here));
        assertEquals("--enable-native-access=ALL-UNNAMED", NativeAccessCheck.flag(NativeAccessCheck.class.getModule()));
    }

    @Test
    void adviceOnTheModulePathNamesTheModulesFlagOnly() {
        String advice = NativeAccessCheck.advice(Object.class.getModule());
        assertEquals("native access is not enabled for module java.base; start java with"
                + " --enable-native-access=java.base", advice);
    }

    @Test
    void adviceOnTheClassPathNamesAllUnnamedAndTheManifestAttribute() {
        String advice = NativeAccessCheck.advice(NativeAccessCheckTest.class.getModule());
        assertEquals("native access is not enabled for the class path; start java with"
                + " --enable-native-access=ALL-UNNAMED (or put 'Enable-Native-Access: ALL-UNNAMED' in an executable"
                + " jar's manifest)", advice);
    }

    @Test
    void deniedAccessBecomesNativeAccessExceptionWithTheAdvice() {
        IllegalCallerException cause = new IllegalCallerException("restricted method");
        Module module = Object.class.getModule();
        NativeAccessException e = NativeBinder.nativeAccessDenied(module, cause);
        assertEquals("enable native access failed: " + NativeAccessCheck.advice(module), e.getMessage());
        assertSame(cause, e.getCause());
    }

    /** The module named is the one whose code made the denied call: the Downcalls lambda's. */
    @Test
    void aDeniedDowncallNamesTheModuleThatWroteTheDowncalls() {
        Downcalls denied = (symbol, descriptor, options) -> {
            throw new IllegalCallerException("denied");
        };
        NativeBinder binder = new NativeBinder(java.lang.foreign.Linker.nativeLinker().defaultLookup(), Target.current(),
                denied);
        NativeAccessException e = org.junit.jupiter.api.Assertions.assertThrows(NativeAccessException.class,
                () -> binder.bind(CFunction.of("int close(int fd)")));
        assertTrue(e.getMessage().contains("--enable-native-access=ALL-UNNAMED"), e.getMessage()); // tests: class path
    }

    @Test
    void enabledModuleIsReportedEnabled() {
        // surefire runs with --enable-native-access=ALL-UNNAMED
        assertTrue(NativeAccessCheck.warnIfDisabled(NativeAccessCheckTest.class.getModule()));
    }
}
