package io.ffmipc.ffi;

import io.ffmipc.NativeAccessException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs on the class path: this (portable) module is unnamed here; a JDK module stands in for a named provider. */
class NativeAccessCheckTest {
    private static final Module CLASS_PATH = NativeAccessCheckTest.class.getModule();
    private static final Module NAMED = Object.class.getModule();

    @Test
    void onTheClassPathTheFlagIsAllUnnamedOnce() {
        assertFalse(CLASS_PATH.isNamed());
        assertEquals(CLASS_PATH, NativeAccessCheck.class.getModule(), "the portable module is the same unnamed module");
        assertEquals("--enable-native-access=ALL-UNNAMED", NativeAccessCheck.flag(CLASS_PATH));
        assertEquals("native access is not enabled for the class path; start java with --enable-native-access=ALL-UNNAMED"
                + " (or put 'Enable-Native-Access: ALL-UNNAMED' in an executable jar's manifest)",
                NativeAccessCheck.advice(CLASS_PATH));
    }

    /** A named provider beside an unnamed portable module: both are named in the one flag. */
    @Test
    void theFlagNamesThePortableModuleAndTheProvider() {
        assertEquals("--enable-native-access=ALL-UNNAMED,java.base", NativeAccessCheck.flag(NAMED));
        assertEquals("native access is not enabled for module java.base; start java with"
                + " --enable-native-access=ALL-UNNAMED,java.base (or put 'Enable-Native-Access: ALL-UNNAMED' in an"
                + " executable jar's manifest)", NativeAccessCheck.advice(NAMED));
    }

    /** On the class path the public form names no module: the flag a child JVM of this one needs. */
    @Test
    void theLibrarysFlagOnTheClassPathIsAllUnnamed() {
        assertEquals("--enable-native-access=ALL-UNNAMED", io.ffmipc.Ipc.nativeAccessFlag());
    }

    @Test
    void deniedAccessBecomesNativeAccessExceptionWithTheAdvice() {
        IllegalCallerException cause = new IllegalCallerException("restricted method");
        NativeAccessException e = NativeBinder.nativeAccessDenied(NAMED, cause);
        assertEquals("enable native access failed: " + NativeAccessCheck.advice(NAMED), e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void enabledModuleIsReportedEnabled() {
        // surefire runs with --enable-native-access=ALL-UNNAMED; java.base always has native access
        assertTrue(NativeAccessCheck.warnIfDisabled(CLASS_PATH));
        assertTrue(NativeAccessCheck.warnIfDisabled(NAMED));
    }
}
