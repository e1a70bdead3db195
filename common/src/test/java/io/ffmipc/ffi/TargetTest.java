package io.ffmipc.ffi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    @Test
    void systemPropertiesMapToTargets() {
        assertEquals(Target.LINUX_X86_64, Target.of("Linux", "amd64"));
        assertEquals(Target.LINUX_X86_64, Target.of("Linux", "x86_64"));
        assertEquals(Target.LINUX_AARCH64, Target.of("Linux", "aarch64"));
        assertEquals(Target.WINDOWS_X64, Target.of("Windows 11", "amd64"));
        assertEquals(Target.WINDOWS_X64, Target.of("Windows Server 2022", "AMD64"));
        assertEquals(Target.MACOS_ARM64, Target.of("Mac OS X", "aarch64"));
        assertEquals(Target.MACOS_X86_64, Target.of("Mac OS X", "x86_64"));
        assertEquals(Target.MACOS_ARM64, Target.of("Darwin", "arm64"));
    }

    @Test
    void unsupportedCombinationsAreNull() {
        assertNull(Target.of("Linux", "riscv64"));
        assertNull(Target.of("Linux", "x86"));
        assertNull(Target.of("Windows 11", "aarch64"));
        assertNull(Target.of("FreeBSD", "amd64"));
        assertNull(Target.of("", ""));
    }

    @Test
    void osFamilies() {
        for (Target t : Target.values()) {
            int families = (t.isLinux() ? 1 : 0) + (t.isWindows() ? 1 : 0) + (t.isMacos() ? 1 : 0);
            assertEquals(1, families, t.id());
        }
        assertTrue(Target.LINUX_AARCH64.isLinux());
        assertFalse(Target.MACOS_X86_64.isLinux());
    }

    @Test
    void currentMatchesTheRunningJvm() {
        assertEquals(Target.of(System.getProperty("os.name"), System.getProperty("os.arch")), Target.current());
    }

    @Test
    void toStringIsTheId() {
        assertEquals("linux-x86_64", Target.LINUX_X86_64.toString());
        assertEquals("windows-x64", Target.WINDOWS_X64.id());
    }
}
