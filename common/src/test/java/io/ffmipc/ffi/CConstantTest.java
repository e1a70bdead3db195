package io.ffmipc.ffi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static io.ffmipc.ffi.Target.LINUX_AARCH64;
import static io.ffmipc.ffi.Target.LINUX_X86_64;
import static io.ffmipc.ffi.Target.MACOS_ARM64;
import static io.ffmipc.ffi.Target.WINDOWS_X64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CConstantTest {

    @Test
    void ofHasTheValueOnEveryTarget() {
        CConstant c = CConstant.of("O_CREAT", 0100);
        assertEquals("O_CREAT", c.macro());
        for (Target t : Target.values()) {
            assertTrue(c.definedFor(t));
            assertEquals(64, c.value(t));
        }
        assertEquals(Target.values().length, c.values().size());
    }

    @Test
    void perTargetKeepsEachValueAndOnlyThoseTargets() {
        CConstant c = CConstant.perTarget("SYS_futex", LINUX_X86_64, 202, LINUX_AARCH64, 98);
        assertEquals(202, c.value(LINUX_X86_64));
        assertEquals(98, c.value(LINUX_AARCH64));
        assertTrue(c.definedFor(LINUX_X86_64));
        assertFalse(c.definedFor(WINDOWS_X64));
        assertFalse(c.definedFor(MACOS_ARM64));
        assertEquals(2, c.values().size());
    }

    @Test
    void perTargetTakesLongs() {
        CConstant c = CConstant.perTarget("BIG", LINUX_X86_64, 0x1_0000_0000L);
        assertEquals(0x1_0000_0000L, c.value(LINUX_X86_64));
    }

    @Test
    void valueOnAnUndefinedTargetNamesMacroAndTarget() {
        CConstant c = CConstant.perTarget("SYS_futex", LINUX_X86_64, 202);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.value(WINDOWS_X64));
        assertEquals("SYS_futex has no value for windows-x64", e.getMessage());
    }

    @Test
    void perTargetNeedsPairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CConstant.perTarget("X"));
        assertEquals("X: give target/value pairs", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CConstant.perTarget("X", LINUX_X86_64));
        assertThrows(IllegalArgumentException.class, () -> CConstant.perTarget("X", LINUX_X86_64, 1, LINUX_AARCH64));
    }

    @Test
    void perTargetRejectsMisplacedArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CConstant.perTarget("X", 1, LINUX_X86_64));
        assertEquals("X: argument 0 must be a Target, got 1", e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> CConstant.perTarget("X", LINUX_X86_64, "1"));
        assertEquals("X: argument 1 must be a number, got 1", f.getMessage());
    }

    @Test
    void perTargetRejectsATargetGivenTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CConstant.perTarget("X", LINUX_X86_64, 1, LINUX_X86_64, 2));
        assertEquals("X: linux-x86_64 is given twice", e.getMessage());
    }

    @Test
    void valuesCannotBeChangedAfterDeclaration() {
        CConstant c = CConstant.of("O_EXCL", 0200);
        assertThrows(UnsupportedOperationException.class, () -> c.values().put(LINUX_X86_64, 1L));
        assertEquals(0200, c.value(LINUX_X86_64));
    }

    static boolean onKnownTarget() {
        return Target.current() != null;
    }

    @Test
    @EnabledIf("onKnownTarget")
    void runningTargetValue() {
        CConstant c = CConstant.of("X", 7);
        assertEquals(7, c.intValue());
        assertEquals(7L, c.longValue());
    }

    @Test
    @EnabledIf("onKnownTarget")
    void intValueThatDoesNotFitNamesTheMacro() {
        CConstant c = CConstant.of("HUGE", 1L << 40);
        assertEquals(1L << 40, c.longValue());
        ArithmeticException e = assertThrows(ArithmeticException.class, c::intValue);
        assertEquals("HUGE = 1099511627776 on " + Target.current() + " does not fit an int", e.getMessage());
    }

    @Test
    void toStringShowsMacroAndValues() {
        assertEquals("SYS_futex={linux-x86_64=202, linux-aarch64=98}",
                CConstant.perTarget("SYS_futex", LINUX_AARCH64, 98, LINUX_X86_64, 202).toString());
    }
}
