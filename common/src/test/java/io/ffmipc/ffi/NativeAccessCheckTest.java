package io.ffmipc.ffi;

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
    void adviceNamesBothFlagsAndTheManifestAttribute() {
        String advice = NativeAccessCheck.advice("io.ffmipc.linux");
        assertTrue(advice.startsWith("native access is not enabled for io.ffmipc.linux;"), advice);
        assertTrue(advice.contains("--enable-native-access=io.ffmipc.linux (module path)"), advice);
        assertTrue(advice.contains("--enable-native-access=ALL-UNNAMED (class path)"), advice);
        assertTrue(advice.contains("'Enable-Native-Access: ALL-UNNAMED'"), advice);
    }

    @Test
    void deniedAccessBecomesNativeAccessExceptionWithTheAdvice() {
        IllegalCallerException cause = new IllegalCallerException("restricted method");
        NativeAccessException e = NativeBinder.nativeAccessDenied("io.ffmipc.linux", cause);
        assertEquals("enable native access failed: " + NativeAccessCheck.advice("io.ffmipc.linux"), e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void enabledModuleIsReportedEnabled() {
        // surefire runs with --enable-native-access=ALL-UNNAMED
        assertTrue(NativeAccessCheck.warnIfDisabled(NativeAccessCheckTest.class.getModule()));
    }
}
