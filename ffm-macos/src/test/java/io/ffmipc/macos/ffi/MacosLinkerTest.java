package io.ffmipc.macos.ffi;

import io.ffmipc.testkit.abi.AbiDeclarations;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.Target;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linking the macOS declarations, on any OS: every function becomes a downcall handle of the
 * declared shape (nothing is called; the symbols are stand-ins), renamed symbols are asked for by
 * their macOS name, and optional functions are looked up, never assumed.
 */
class MacosLinkerTest {
    /** A stand-in address: the handles are created, never invoked, so it need not be code (works on every OS). */
    private static final MemorySegment SOME_FUNCTION = MemorySegment.ofAddress(0x1000);

    /** A lookup that has exactly the names given, and records what was asked for. */
    private static final class FakeLookup implements SymbolLookup {
        final Set<String> present;
        final List<String> asked = new ArrayList<>();
        MemorySegment global = MemorySegment.NULL;

        FakeLookup(Set<String> present) {
            this.present = present;
        }

        @Override
        public Optional<MemorySegment> find(String name) {
            asked.add(name);
            if (!present.contains(name)) {
                return Optional.empty();
            }
            return Optional.of(name.endsWith("_") || name.equals("bootstrap_port") ? global : SOME_FUNCTION);
        }
    }

    private static List<CFunction> declaredFunctions() {
        List<CFunction> out = new ArrayList<>();
        for (var b : AbiDeclarations.scanModuleOf(LibSystem.class)) {
            for (var f : b.facts()) {
                if (f.declaration() instanceof CFunction fn) {
                    out.add(fn);
                }
            }
        }
        return out;
    }

    @Test
    void everyDeclaredFunctionLinksWithItsDeclaredShapeOnBothTargets() {
        List<CFunction> all = declaredFunctions();
        assertTrue(all.size() > 70, "functions: " + all.size());
        for (Target t : List.of(Target.MACOS_ARM64, Target.MACOS_X86_64)) {
            Set<String> names = new java.util.HashSet<>();
            all.forEach(f -> names.add(Symbols.of(f, t)));
            MacosLinker linker = new MacosLinker(new FakeLookup(names), t);
            for (CFunction f : all) {
                MethodHandle h = linker.bind(f);
                int capture = f.setsErrorCode() ? 1 : 0;
                assertEquals(capture + f.parameterTypes().size() + f.variadicTypes().size(), h.type().parameterCount(),
                        f.prototype() + " on " + t);
            }
        }
        // the variadic mode_t of shm_open is passed promoted, as an int; semctl's pointer form takes an address
        MacosLinker linker = new MacosLinker(new FakeLookup(Set.of("shm_open", "semctl")), Target.MACOS_ARM64);
        assertEquals(int.class, linker.bind(LibSystem.SHM_OPEN).type().parameterType(3));
        assertEquals(MemorySegment.class, linker.bind(LibSystem.SEMCTL_PTR).type().parameterType(4));
    }

    @Test
    void fstatIsAskedForAsFstatInode64OnX8664Only() {
        FakeLookup x86 = new FakeLookup(Set.of("fstat$INODE64"));
        new MacosLinker(x86, Target.MACOS_X86_64).bind(LibSystem.FSTAT);
        assertEquals(List.of("fstat$INODE64"), x86.asked);
        FakeLookup arm = new FakeLookup(Set.of("fstat"));
        new MacosLinker(arm, Target.MACOS_ARM64).bind(LibSystem.FSTAT);
        assertEquals(List.of("fstat"), arm.asked);
    }

    @Test
    void osSyncIsOptionalAndAMissingRequiredSymbolIsNamed() {
        MacosLinker old = new MacosLinker(new FakeLookup(Set.of("close")), Target.MACOS_X86_64);
        assertEquals(Optional.empty(), old.optional(OsSync.OS_SYNC_WAIT_ON_ADDRESS));
        var e = assertThrows(UnsatisfiedLinkError.class, () -> old.bind(OsSync.OS_SYNC_WAKE_BY_ADDRESS_ANY));
        assertTrue(e.getMessage().contains("'os_sync_wake_by_address_any' not found for macos-x86_64"), e.getMessage());
        MacosLinker current = new MacosLinker(new FakeLookup(Set.of("os_sync_wait_on_address")), Target.MACOS_ARM64);
        assertTrue(current.optional(OsSync.OS_SYNC_WAIT_ON_ADDRESS).isPresent());
    }

    @Test
    void readsTheFourByteGlobals() {
        try (Arena arena = Arena.ofConfined()) {
            FakeLookup lookup = new FakeLookup(Set.of("mach_task_self_"));
            lookup.global = arena.allocate(ValueLayout.JAVA_INT);
            lookup.global.set(ValueLayout.JAVA_INT, 0, 0x203);
            MacosLinker linker = new MacosLinker(lookup, Target.MACOS_ARM64);
            assertEquals(0x203, linker.globalInt("mach_task_self_"));
            var e = assertThrows(UnsatisfiedLinkError.class, () -> linker.globalInt("bootstrap_port"));
            assertTrue(e.getMessage().contains("'bootstrap_port'"), e.getMessage());
        }
    }

    @Test
    void refusesToLinkForAnotherOs() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MacosLinker(name -> Optional.empty(),
                Target.LINUX_X86_64));
        assertTrue(e.getMessage().contains("linux-x86_64"), e.getMessage());
    }
}
