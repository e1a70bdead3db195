package io.ffmipc.windows.ffi;

import io.ffmipc.testkit.abi.AbiCheckSource;
import io.ffmipc.testkit.abi.AbiDeclarations;
import io.ffmipc.testkit.abi.AbiDeclarations.Binding;
import io.ffmipc.testkit.abi.AbiDeclarations.Fact;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;
import io.ffmipc.testkit.abi.AbiCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles everything the Windows bindings hardcode against the mingw-w64 headers
 * ({@code x86_64-w64-mingw32-gcc}). The declarations are read on Linux without linking anything:
 * the scan succeeding here, where initialising {@link Kernel32} or {@link Advapi32} would throw, is
 * itself the proof that the declarations are apart from the linking. The bite tests mutate one
 * real fact at a time and expect the compile to fail naming exactly that fact.
 */
class WindowsAbiConformanceTest {
    private static List<Binding> bindings;

    @TempDir
    Path dir;

    @BeforeAll
    static void scan() {
        bindings = AbiDeclarations.scanModuleOf(Kernel32Abi.class);
    }

    @Test
    void findsTheDeclarationClassesAndNoLinkingClass() {
        List<Class<?>> types = bindings.stream().<Class<?>>map(Binding::type).toList();
        assertEquals(List.of(Advapi32Abi.class, Kernel32Abi.class, SynchronizationAbi.class, WinError.class), types);
        assertFalse(AbiDeclarations.declaresFacts(Kernel32.class));
        assertFalse(AbiDeclarations.declaresFacts(Advapi32.class));
    }

    @Test
    void everyFactIsForWindowsX64() {
        assertEquals(List.of(), AbiDeclarations.unchecked(bindings).stream().map(Fact::name).toList());
        for (Binding b : bindings) {
            assertEquals(java.util.Set.of(Target.WINDOWS_X64), b.targets(), b.type().getName());
        }
    }

    @Test
    void windowsX64MatchesTheMingwHeaders() {
        int facts = AbiCompiler.WINDOWS_X64.check(bindings, dir);
        int declared = bindings.stream().mapToInt(b -> b.factsFor(Target.WINDOWS_X64).size()).sum();
        assertTrue(facts >= declared, facts + " assertions for " + declared + " declarations");
    }

    @Test
    void aMutatedConstantFailsNamingIt() {
        // ERROR_PIPE_BUSY is 231; 232 is ERROR_NO_DATA's value
        assertBites(WinError.class, "ERROR_PIPE_BUSY", f -> CConstant.of("ERROR_PIPE_BUSY", 232),
                "ERROR_PIPE_BUSY == 232");
    }

    @Test
    void aMutatedDwordConstantFailsNamingIt() {
        // one bit off in a constant Java holds as a negative int
        assertBites(Kernel32Abi.class, "GENERIC_READ", f -> CConstant.of("GENERIC_READ", 0xC0000000),
                "GENERIC_READ == -1073741824");
    }

    @Test
    void aMutatedStructOffsetFailsNamingIt() {
        // hEvent moved from 24 to 28: the size stays 32, only the member's place is wrong
        StructLayout wrong = MemoryLayout.structLayout(
                java.lang.foreign.ValueLayout.JAVA_LONG.withName("Internal"),
                java.lang.foreign.ValueLayout.JAVA_LONG.withName("InternalHigh"),
                java.lang.foreign.ValueLayout.JAVA_INT.withName("Offset"),
                java.lang.foreign.ValueLayout.JAVA_INT.withName("OffsetHigh"),
                MemoryLayout.paddingLayout(4),
                java.lang.foreign.ValueLayout.JAVA_INT.withName("hEvent"));
        assertBites(Kernel32Abi.class, "OVERLAPPED", f -> CStruct.of("OVERLAPPED", wrong, Target.WINDOWS_X64),
                "offsetof(OVERLAPPED, hEvent) == 28");
    }

    @Test
    void aMutatedPrototypeFailsNamingIt() {
        // MapViewOfFile's last parameter is SIZE_T; a DWORD there would pass 4 bytes for 8
        assertBites(Kernel32Abi.class, "MAP_VIEW_OF_FILE", f -> CFunction.of("LPVOID WINAPI MapViewOfFile("
                        + "HANDLE hFileMappingObject, DWORD dwDesiredAccess, DWORD dwFileOffsetHigh, DWORD dwFileOffsetLow,"
                        + " DWORD dwNumberOfBytesToMap)"),
                "the header declares MapViewOfFile as LPVOID (WINAPI *)(HANDLE, DWORD, DWORD, DWORD, DWORD)");
    }

    /** The real bindings with one fact replaced: the compile must fail on that fact and no other. */
    private void assertBites(Class<?> owner, String field, UnaryOperator<Object> mutate, String claim) {
        AbiCompiler mingw = AbiCompiler.WINDOWS_X64;
        mingw.requireInstalled();
        List<Binding> mutated = new ArrayList<>();
        boolean found = false;
        for (Binding b : bindings) {
            List<Fact> facts = new ArrayList<>();
            for (Fact f : b.facts()) {
                if (f.owner() == owner && f.field().equals(field)) {
                    facts.add(new Fact(f.owner(), f.field(), mutate.apply(f.declaration()), f.enumerator(), f.targets()));
                    found = true;
                } else {
                    facts.add(f);
                }
            }
            mutated.add(new Binding(b.type(), b.headers(), facts));
        }
        assertTrue(found, owner.getName() + "." + field + " is not a declared fact");
        AbiCompiler.Result r = mingw.compile(AbiCheckSource.generate(Target.WINDOWS_X64, mutated), dir);
        String fact = owner.getName() + "." + field;
        assertFalse(r.ok(), "compiled although " + fact + " is wrong:\n" + r.output());
        assertEquals(List.of(fact), r.failedFacts(), r.output());
        assertTrue(r.output().contains("ABI fact " + fact + " on windows-x64: " + claim), r.output());
    }
}
