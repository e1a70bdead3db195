package io.ffmipc.testkit.abi;

import io.ffmipc.ffi.*;
import io.ffmipc.testkit.abi.WindowsSmokeAbi;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enumeration of declarations and the generated C, without a compiler. */
class AbiCheckSourceTest {

    @AbiHeaders(targets = {Target.LINUX_X86_64, Target.LINUX_AARCH64}, define = "_GNU_SOURCE", include = "fcntl.h")
    @AbiHeaders(targets = Target.WINDOWS_X64, include = "windows.h")
    static final class Mixed {
        public static final CConstant SYS_FUTEX = CConstant.perTarget("SYS_futex", Target.LINUX_X86_64, 202,
                Target.LINUX_AARCH64, 98);
        public static final CConstant SHARED = CConstant.of("SHARED_EVERYWHERE", 7);
        public static final CConstant MAC_ONLY = CConstant.perTarget("MAC_ONLY", Target.MACOS_ARM64, 1);
        @CEnumerator
        public static final CConstant P_PID = CConstant.perTarget("P_PID", Target.LINUX_X86_64, 1);
        public static final CFunction SEM_OPEN = CFunction.variadic(
                "sem_t *sem_open(const char *name, int oflag, ...)", "mode_t", "unsigned int");
        public static final CStruct NESTED = CStruct.of("struct outer", MemoryLayout.structLayout(
                ValueLayout.JAVA_INT.withName("a"),
                MemoryLayout.structLayout(ValueLayout.JAVA_SHORT.withName("x"), ValueLayout.JAVA_SHORT.withName("y"))
                        .withName("in"),
                MemoryLayout.unionLayout(ValueLayout.JAVA_INT.withName("u1"), ValueLayout.JAVA_INT.withName("u2"))),
                Target.LINUX_X86_64);
        static final String NOT_A_FACT = "ignored";
    }

    static final class Unannotated {
        public static final CConstant LOST = CConstant.of("LOST", 1);
    }

    @Test
    void readsEveryDeclarationFieldWithItsTargets() {
        var b = AbiDeclarations.read(Mixed.class);
        assertEquals(List.of("SYS_FUTEX", "SHARED", "MAC_ONLY", "P_PID", "SEM_OPEN", "NESTED"),
                b.facts().stream().map(AbiDeclarations.Fact::field).toList());
        var byField = b.facts().stream().collect(java.util.stream.Collectors.toMap(AbiDeclarations.Fact::field, f -> f));
        assertEquals(java.util.Set.of(Target.LINUX_X86_64, Target.LINUX_AARCH64), byField.get("SYS_FUTEX").targets());
        assertEquals(java.util.Set.of(Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.WINDOWS_X64),
                byField.get("SHARED").targets());
        assertTrue(byField.get("MAC_ONLY").targets().isEmpty(), "the binding is not for macOS");
        assertEquals(List.of(byField.get("MAC_ONLY")), AbiDeclarations.unchecked(List.of(b)));
    }

    @Test
    void emitsPerTargetValuesOnlyWhereDefined() {
        var b = AbiDeclarations.read(Mixed.class);
        String x86 = AbiCheckSource.generate(Target.LINUX_X86_64, List.of(b)).text();
        String arm = AbiCheckSource.generate(Target.LINUX_AARCH64, List.of(b)).text();
        String win = AbiCheckSource.generate(Target.WINDOWS_X64, List.of(b)).text();
        assertTrue(x86.contains("FFMIPC_SAME_VALUE(SYS_futex, (202LL))"), x86);
        assertTrue(arm.contains("FFMIPC_SAME_VALUE(SYS_futex, (98LL))"), arm);
        assertFalse(win.contains("SYS_futex"), win);
        assertTrue(x86.contains("#define _GNU_SOURCE") && x86.contains("#include <fcntl.h>"), x86);
        assertTrue(win.contains("#include <windows.h>") && !win.contains("fcntl.h"), win);
        assertFalse(x86.contains("MAC_ONLY"), x86);
        // an enumerator is not required to be a macro
        assertFalse(x86.contains("#ifndef P_PID"), x86);
        assertTrue(x86.contains("#ifndef SYS_futex"), x86);
    }

    @Test
    void checksNestedMembersByPathAndFunctionsSlotBySlot() {
        var check = AbiCheckSource.generate(Target.LINUX_X86_64, List.of(AbiDeclarations.read(Mixed.class)));
        String c = check.text();
        assertTrue(c.contains("offsetof(struct outer, in.y) == 6"), c);
        assertTrue(c.contains("offsetof(struct outer, u2) == 8"), c);
        assertTrue(c.contains("sizeof(((struct outer *)0)->in) == 4"), c);
        assertTrue(c.contains("__builtin_types_compatible_p(__typeof__(&sem_open), sem_t * (*)(const char *, int, ...))"), c);
        // mode_t is passed promoted to int; the check accepts the promotion only for narrower types
        assertTrue(c.contains("variadic argument 3 (mode_t) is 4 bytes in the descriptor"), c);
        assertTrue(c.contains("argument 1 (const char * name) is a pointer in the descriptor"), c);
        int line = c.substring(0, c.indexOf("&sem_open")).split("\n", -1).length;
        assertEquals(Mixed.class.getName() + ".SEM_OPEN", check.ownerOfLine(line));
    }

    @Test
    void aClassWithFactsButNoHeadersIsRefused() {
        var e = assertThrows(IllegalStateException.class, () -> AbiDeclarations.read(Unannotated.class));
        assertTrue(e.getMessage().contains("@AbiHeaders"), e.getMessage());
    }

    @Test
    void aDeclarationsOnlyClassIsFoundWithoutInitialisingIt() throws Exception {
        Class<?> c = Class.forName(WindowsSmokeAbi.class.getName() + "", false, getClass().getClassLoader());
        assertTrue(AbiDeclarations.declaresFacts(c));
        assertEquals(List.of(Target.WINDOWS_X64), List.of(AbiDeclarations.headersOf(c).getFirst().targets()));
    }

    @Test
    void literalsCoverTheWholeLongRange() {
        assertEquals("(-9223372036854775807LL - 1)", AbiCheckSource.literal(Long.MIN_VALUE));
        assertEquals("(-1LL)", AbiCheckSource.literal(-1));
    }
}
