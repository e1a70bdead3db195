package io.ffmipc.ffi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;

import static io.ffmipc.ffi.Target.LINUX_AARCH64;
import static io.ffmipc.ffi.Target.LINUX_X86_64;
import static io.ffmipc.ffi.Target.MACOS_ARM64;
import static io.ffmipc.ffi.Target.MACOS_X86_64;
import static io.ffmipc.ffi.Target.WINDOWS_X64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CTypesTest {

    private static long size(String type, Target t) {
        return CTypes.layout(type, t).byteSize();
    }

    @Test
    void longIsFourBytesOnWindowsAndEightElsewhere() {
        assertEquals(4, size("long", WINDOWS_X64));
        assertEquals(4, size("unsigned long", WINDOWS_X64));
        for (Target t : new Target[]{LINUX_X86_64, LINUX_AARCH64, MACOS_ARM64, MACOS_X86_64}) {
            assertEquals(8, size("long", t), t.id());
            assertEquals(8, size("unsigned long", t), t.id());
        }
    }

    @Test
    void modeTIsTwoBytesOnMacosAndFourOnLinux() {
        assertEquals(2, size("mode_t", MACOS_ARM64));
        assertEquals(2, size("mode_t", MACOS_X86_64));
        assertEquals(4, size("mode_t", LINUX_X86_64));
        assertEquals(4, size("mode_t", LINUX_AARCH64));
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void fixedSizesOnEveryTarget(Target t) {
        assertEquals(1, size("char", t));
        assertEquals(1, size("unsigned char", t));
        assertEquals(2, size("short", t));
        assertEquals(2, size("uint16_t", t));
        assertEquals(4, size("int", t));
        assertEquals(4, size("unsigned int", t));
        assertEquals(4, size("pid_t", t));
        assertEquals(4, size("DWORD", t));
        assertEquals(4, size("LONG", t)); // Windows LONG is 32-bit even where C long is not
        assertEquals(8, size("long long", t));
        assertEquals(8, size("size_t", t));
        assertEquals(8, size("off_t", t));
        assertEquals(8, size("uint64_t", t));
        assertEquals(8, size("double", t));
        assertEquals(ValueLayout.JAVA_DOUBLE, CTypes.layout("double", t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"void *", "char *", "const char *", "const char*", "char **", "struct stat *",
            "const struct timespec *", "union semun *", "HANDLE", "LPCWSTR", "LPSECURITY_ATTRIBUTES", "PHANDLE",
            "LPVOID", "char * restrict", "volatile int *"})
    void pointersAreAddresses(String type) {
        for (Target t : Target.values()) {
            assertEquals(ValueLayout.ADDRESS, CTypes.layout(type, t), type + " on " + t);
        }
        assertTrue(CTypes.isPointer(type), type);
    }

    @Test
    void scalarsAreNotPointers() {
        assertFalse(CTypes.isPointer("int"));
        assertFalse(CTypes.isPointer("DWORD"));
        assertFalse(CTypes.isPointer("size_t"));
    }

    @Test
    void qualifiersAreIgnored() {
        assertEquals(ValueLayout.JAVA_INT, CTypes.layout("const int", LINUX_X86_64));
        assertEquals(ValueLayout.JAVA_INT, CTypes.layout("  volatile   unsigned   int ", LINUX_X86_64));
    }

    @Test
    void normalizeFoldsPointerSpelling() {
        assertEquals("char *", CTypes.normalize("const char *"));
        assertEquals("char *", CTypes.normalize("char*"));
        assertEquals("char **", CTypes.normalize("char * *"));
        assertEquals("struct_stat *", CTypes.normalize("struct stat*"));
        assertEquals("unsigned long", CTypes.normalize("unsigned   long"));
    }

    @Test
    void voidHasNoLayout() {
        assertNull(CTypes.layout("void", LINUX_X86_64));
    }

    @Test
    void unknownTypeIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CTypes.layout("sem_t", LINUX_X86_64));
        assertEquals("unknown C type 'sem_t': add it to CTypes", e.getMessage());
    }

    @Test
    void structByValueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CTypes.layout("struct timespec", LINUX_X86_64));
        assertTrue(e.getMessage().startsWith("unknown C type 'struct timespec'"), e.getMessage());
    }

    @Test
    void typoIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CTypes.layout("unsinged int", LINUX_X86_64));
        assertThrows(IllegalArgumentException.class, () -> CTypes.layout("long int", LINUX_X86_64));
    }

    @Test
    void layoutsAreNaturallyAligned() {
        for (Target t : Target.values()) {
            for (String type : new String[]{"short", "int", "long", "long long", "size_t", "mode_t"}) {
                MemoryLayout l = CTypes.layout(type, t);
                assertEquals(l.byteSize(), l.byteAlignment(), type + " on " + t);
            }
        }
    }
}
