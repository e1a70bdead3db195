package io.ffmipc.linux.ffi;

import io.ffmipc.testkit.abi.AbiDeclarations;
import io.ffmipc.testkit.abi.AbiDeclarations.Binding;
import io.ffmipc.testkit.abi.MacosAbiFacts;
import io.ffmipc.ffi.Target;
import io.ffmipc.testkit.abi.AbiCompiler;
import io.ffmipc.testkit.abi.WindowsSmokeAbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles everything this module's bindings hardcode against the real headers of each target
 * they are written for. The binding classes are found by scanning the module's classes, so a new
 * declaration (or a new binding class) is checked without touching this test.
 */
class LinuxAbiConformanceTest {
    private static List<Binding> bindings;

    @TempDir
    Path dir;

    @BeforeAll
    static void scan() {
        bindings = AbiDeclarations.scanModuleOf(LibC.class);
    }

    @Test
    void findsTheBindingClasses() {
        List<Class<?>> types = bindings.stream().<Class<?>>map(Binding::type).toList();
        assertTrue(types.contains(LibC.class) && types.contains(Errno.class), types.toString());
    }

    @Test
    void everyDeclaredFactIsCheckedBySomeTarget() {
        assertEquals(List.of(), AbiDeclarations.unchecked(bindings).stream().map(AbiDeclarations.Fact::name).toList(),
                "facts no target checks (declared only for targets their binding is not written for)");
        Set<Target> targets = targets();
        for (Target t : targets) {
            assertTrue(t.isMacos() || AbiCompiler.forTarget(t) != null, t + " has no compiler and is not macOS");
        }
    }

    /** macOS facts cannot be compiled here: any a binding of this module declares must agree with the facts table. */
    @Test
    void macosFactsAgreeWithTheFactsTable() {
        var report = MacosAbiFacts.load(getClass().getClassLoader()).check(bindings);
        assertEquals(List.of(), report.mismatches());
        System.out.println("ABI check macos (facts table): " + report.checked() + " facts checked");
    }

    @Test
    void linuxX8664MatchesItsHeaders() {
        assertChecks(Target.LINUX_X86_64);
    }

    @Test
    void linuxAarch64MatchesItsHeaders() {
        assertChecks(Target.LINUX_AARCH64);
    }

    @Test
    void linuxX8664MuslMatchesItsHeaders() {
        assertChecks(Target.LINUX_X86_64_MUSL);
    }

    /** No Windows binding exists yet: the Windows target compiles the checker's own smoke facts. */
    @Test
    void windowsX64SmokeFactsMatchTheMingwHeaders() {
        List<Binding> windows = bindings.stream().filter(b -> b.targets().contains(Target.WINDOWS_X64)).toList();
        List<Binding> checked = windows.isEmpty() ? List.of(AbiDeclarations.read(WindowsSmokeAbi.class)) : windows;
        int facts = AbiCompiler.WINDOWS_X64.check(checked, dir);
        assertTrue(facts > 0);
    }

    private void assertChecks(Target target) {
        assertTrue(targets().contains(target), "no binding of this module is for " + target);
        int facts = AbiCompiler.forTarget(target).check(bindings, dir);
        int declared = bindings.stream().mapToInt(b -> b.factsFor(target).size()).sum();
        assertTrue(facts >= declared, facts + " assertions for " + declared + " declarations");
    }

    private static Set<Target> targets() {
        Set<Target> s = EnumSet.noneOf(Target.class);
        bindings.forEach(b -> s.addAll(b.targets()));
        return s;
    }
}
