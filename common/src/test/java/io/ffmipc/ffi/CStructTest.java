package io.ffmipc.ffi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static io.ffmipc.ffi.Target.LINUX_AARCH64;
import static io.ffmipc.ffi.Target.LINUX_X86_64;
import static io.ffmipc.ffi.Target.MACOS_ARM64;
import static io.ffmipc.ffi.Target.WINDOWS_X64;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CStructTest {
    /** struct timespec on LP64: two longs. */
    private static final StructLayout TIMESPEC = MemoryLayout.structLayout(
            JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));
    /** A struct with a hole the binding does not use. */
    private static final StructLayout WITH_PADDING = MemoryLayout.structLayout(
            JAVA_INT.withName("a"), MemoryLayout.paddingLayout(12), JAVA_SHORT.withName("b"), MemoryLayout.paddingLayout(6));
    private static final StructLayout OTHER = MemoryLayout.structLayout(
            JAVA_INT.withName("a"), JAVA_INT.withName("b"));

    static boolean onKnownTarget() {
        return Target.current() != null;
    }

    @Test
    void ofWithoutTargetsCoversEveryTarget() {
        CStruct s = CStruct.of("struct timespec", TIMESPEC);
        assertEquals("struct timespec", s.cName());
        for (Target t : Target.values()) {
            assertTrue(s.definedFor(t));
            assertSame(TIMESPEC, s.layout(t));
        }
    }

    @Test
    void ofWithTargetsCoversOnlyThose() {
        CStruct s = CStruct.of("struct timespec", TIMESPEC, LINUX_X86_64, LINUX_AARCH64);
        assertTrue(s.definedFor(LINUX_AARCH64));
        assertFalse(s.definedFor(WINDOWS_X64));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.layout(WINDOWS_X64));
        assertEquals("struct timespec has no layout for windows-x64", e.getMessage());
    }

    @Test
    void perTargetKeepsEachLayout() {
        CStruct s = CStruct.perTarget("struct x", LINUX_X86_64, WITH_PADDING, MACOS_ARM64, OTHER);
        assertSame(WITH_PADDING, s.layout(LINUX_X86_64));
        assertSame(OTHER, s.layout(MACOS_ARM64));
        assertFalse(s.definedFor(LINUX_AARCH64));
        assertEquals(2, s.layouts().size());
    }

    @Test
    void perTargetRejectsBadArguments() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> CStruct.perTarget("struct x", LINUX_X86_64));
        assertEquals("struct x: give target/layout pairs", odd.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CStruct.perTarget("struct x"));
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
                () -> CStruct.perTarget("struct x", OTHER, LINUX_X86_64));
        assertTrue(swapped.getMessage().startsWith("struct x: argument 0 must be a Target"), swapped.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> CStruct.perTarget("struct x", LINUX_X86_64, OTHER, LINUX_X86_64, OTHER));
        assertEquals("struct x: linux-x86_64 is given twice", twice.getMessage());
    }

    @Test
    void layoutsCannotBeChangedAfterDeclaration() {
        CStruct s = CStruct.of("struct timespec", TIMESPEC);
        assertThrows(UnsupportedOperationException.class, () -> s.layouts().put(LINUX_X86_64, OTHER));
    }

    @Test
    @EnabledIf("onKnownTarget")
    void offsetByFieldNameOnTheRunningTarget() {
        CStruct s = CStruct.of("struct x", WITH_PADDING);
        assertEquals(0, s.offset("a"));
        assertEquals(16, s.offset("b"));
        assertEquals(24, s.layout().byteSize());
        assertEquals(8, CStruct.of("struct timespec", TIMESPEC).offset("tv_nsec"));
    }

    @Test
    @EnabledIf("onKnownTarget")
    void offsetPicksTheRunningTargetsLayout() {
        Target here = Target.current();
        Target elsewhere = here == WINDOWS_X64 ? LINUX_X86_64 : WINDOWS_X64;
        CStruct s = CStruct.perTarget("struct x", here, WITH_PADDING, elsewhere, OTHER);
        assertEquals(16, s.offset("b"));
    }

    @Test
    @EnabledIf("onKnownTarget")
    void unknownFieldIsRejected() {
        CStruct s = CStruct.of("struct timespec", TIMESPEC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.offset("tv_usec"));
        assertTrue(e.getMessage().contains("tv_usec"), e.getMessage());
    }

    @Test
    @EnabledIf("onKnownTarget")
    void runningTargetWithoutLayoutIsRejected() {
        Target here = Target.current();
        Target elsewhere = here == WINDOWS_X64 ? LINUX_X86_64 : WINDOWS_X64;
        CStruct s = CStruct.of("SECURITY_ATTRIBUTES", OTHER, elsewhere);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.offset("a"));
        assertEquals("SECURITY_ATTRIBUTES has no layout for " + here.id(), e.getMessage());
    }
}
