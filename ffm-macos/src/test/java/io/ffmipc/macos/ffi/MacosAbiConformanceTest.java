package io.ffmipc.macos.ffi;

import io.ffmipc.testkit.abi.AbiCheckSource;
import io.ffmipc.testkit.abi.AbiDeclarations;
import io.ffmipc.testkit.abi.AbiDeclarations.Binding;
import io.ffmipc.testkit.abi.AbiDeclarations.Fact;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.testkit.abi.MacosAbiFacts;
import io.ffmipc.ffi.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every value the macOS bindings hardcode agrees with the macOS facts table (which cites a source
 * for each), and a mutated value fails naming the fact. macOS headers are not on this machine: the
 * same facts are compiled against the real SDK on the macOS CI legs, from the {@code _Static_assert}
 * files this test writes to {@code target/abi/} ({@code ci/macos-sdk-abi-check} compiles them).
 */
class MacosAbiConformanceTest {
    private static final List<Target> MACOS = List.of(Target.MACOS_ARM64, Target.MACOS_X86_64);

    private static List<Binding> bindings;
    private static MacosAbiFacts table;

    @BeforeAll
    static void scan() {
        bindings = AbiDeclarations.scanModuleOf(LibSystem.class);
        table = MacosAbiFacts.load(MacosAbiConformanceTest.class.getClassLoader());
    }

    @Test
    void findsEveryBindingClassAndEachIsForBothMacosTargetsOnly() {
        List<Class<?>> types = bindings.stream().<Class<?>>map(Binding::type).toList();
        assertEquals(List.of(Errno.class, LibSystem.class, Mach.class, MachReturn.class, OsSync.class, ULock.class),
                types);
        for (Binding b : bindings) {
            assertEquals(java.util.Set.copyOf(MACOS), b.targets(), b.type().getName());
        }
        assertEquals(List.of(), AbiDeclarations.unchecked(bindings).stream().map(Fact::name).toList(),
                "facts no target checks");
    }

    @Test
    void everyDeclaredFactAgreesWithTheFactsTable() {
        var report = table.check(bindings);
        assertEquals(List.of(), report.mismatches());
        int declared = bindings.stream().mapToInt(b -> b.facts().size()).sum();
        assertTrue(report.checked() >= 2 * declared, report.checked() + " checks for " + declared + " declarations");
        System.out.println("ABI check macos (facts table): " + declared + " declarations, " + report.checked()
                + " facts checked on macos-arm64 and macos-x86_64");
    }

    @Test
    void everyTableFactAgreesWithTheFactsTable() {
        List<TableFactField> facts = TableFactField.scan(bindings);
        assertTrue(facts.size() >= 19, "table facts: " + facts.size());
        List<String> bad = new ArrayList<>();
        for (TableFactField f : facts) {
            bad.addAll(TableFactField.check(table, f.name(), f.fact()));
        }
        assertEquals(List.of(), bad);
        System.out.println("ABI check macos (facts table): " + facts.size() + " table facts (bit-fields, limits,"
                + " symbols, address constants) checked");
    }

    /** The symbol each function is looked up by, on each target, is the one the table gives. */
    @Test
    void everyFunctionIsLookedUpByTheSymbolTheTableGives() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Binding b : bindings) {
            for (Fact f : b.facts()) {
                if (f.declaration() instanceof CFunction fn) {
                    for (Target t : MACOS) {
                        checked++;
                        String symbol = Symbols.of(fn, t);
                        var row = table.find("symbol", fn.name(), t);
                        if (row == null) {
                            bad.add(f.name() + ": no symbol row for " + fn.name() + " on " + t);
                        } else if (!row.value().equals(symbol)) {
                            bad.add(f.name() + " on " + t + ": looked up as " + symbol + ", the table says " + row.value());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
        assertEquals("fstat$INODE64", Symbols.of(LibSystem.FSTAT, Target.MACOS_X86_64));
        assertEquals("fstat", Symbols.of(LibSystem.FSTAT, Target.MACOS_ARM64));
        assertTrue(checked > 100, "symbols checked: " + checked);
    }

    /** The bite test: the real declarations, each mutated the way a copied Linux binding would be, fail by name. */
    @Test
    void aMutatedMacosValueFailsTheTableCheckNamingTheFact() {
        Binding real = AbiDeclarations.read(LibSystem.class);
        List<Fact> mutated = new ArrayList<>();
        for (Fact f : real.facts()) {
            Object d = switch (f.field()) {
                case "O_CREAT" -> CConstant.of("O_CREAT", 0100); // Linux's value
                case "SHM_OPEN" -> CFunction.of("int shm_open(const char *name, int oflag, mode_t mode)"); // Linux's prototype
                case "MSGHDR" -> CStruct.of("struct msghdr", linuxMsghdr(), Target.MACOS_ARM64, Target.MACOS_X86_64);
                default -> null;
            };
            if (d != null) {
                mutated.add(new Fact(f.owner(), f.field(), d, f.enumerator(), f.targets()));
            }
        }
        assertEquals(3, mutated.size());
        var report = table.check(List.of(new Binding(LibSystem.class, real.headers(), mutated)));
        String all = String.join("\n", report.mismatches());
        String ls = LibSystem.class.getName();
        for (Target t : MACOS) {
            assertTrue(all.contains("ABI fact " + ls + ".O_CREAT on " + t.id() + ": O_CREAT is declared 64, the table says 0x200"),
                    all);
            assertTrue(all.contains("ABI fact " + ls + ".SHM_OPEN on " + t.id()
                    + ": shm_open is declared int (*)(const char *, int, mode_t), the table says int (*)(const char *, int, ...)"), all);
            assertTrue(all.contains("ABI fact " + ls + ".MSGHDR on " + t.id() + ": sizeof(struct msghdr) is declared 56"), all);
            assertTrue(all.contains("ABI fact " + ls + ".MSGHDR on " + t.id()
                    + ": sizeof(struct msghdr.msg_iovlen) is declared 8, the table says 4"), all);
            assertTrue(all.contains("ABI fact " + ls + ".MSGHDR on " + t.id()
                    + ": offsetof(struct msghdr, msg_flags) is declared 48, the table says 44"), all);
        }

        List<String> facts = TableFactField.check(table, ls + ".SEM_FAILED", TableFact.constant("SEM_FAILED", 0));
        assertEquals(2, facts.size(), facts.toString());
        assertTrue(facts.getFirst().startsWith("ABI fact " + ls + ".SEM_FAILED on macos-arm64: constant SEM_FAILED is "
                + "declared 0, the table says -1"), facts.toString());
        facts = TableFactField.check(table, Mach.class.getName() + ".PORT_DESCRIPTOR_TYPE",
                TableFact.member("mach_msg_port_descriptor_t.type", 8, 1));
        assertTrue(facts.getFirst().contains("mach_msg_port_descriptor_t.type is declared offset=8;size=1, the table says"
                + " offset=11;size=1"), facts.toString());
    }

    /** Linux's msghdr: size_t msg_iovlen and msg_controllen, so msg_flags moves to 48 and the size to 56. */
    private static StructLayout linuxMsghdr() {
        return MemoryLayout.structLayout(
                ValueLayout.ADDRESS.withName("msg_name"), ValueLayout.JAVA_INT.withName("msg_namelen"),
                MemoryLayout.paddingLayout(4), ValueLayout.ADDRESS.withName("msg_iov"),
                ValueLayout.JAVA_LONG.withName("msg_iovlen"), ValueLayout.ADDRESS.withName("msg_control"),
                ValueLayout.JAVA_LONG.withName("msg_controllen"), ValueLayout.JAVA_INT.withName("msg_flags"),
                MemoryLayout.paddingLayout(4));
    }

    /**
     * Writes the {@code _Static_assert} files the macOS CI legs compile against the SDK: every public
     * binding's facts, without the {@link PrivateInterface} classes (their headers are not in the SDK).
     */
    @Test
    void writesTheSdkCheckFilesForBothMacosTargets() throws IOException {
        List<Binding> sdk = SdkCheck.bindings(bindings);
        assertFalse(sdk.stream().anyMatch(b -> b.type() == ULock.class), "the private ulock header is not in the SDK");
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "abi");
        for (Target t : MACOS) {
            AbiCheckSource.Check check = AbiCheckSource.generate(t, sdk);
            Path file = SdkCheck.write(check, dir);
            String text = Files.readString(file);
            assertTrue(text.contains("#include <os/os_sync_wait_on_address.h>") && !text.contains("ulock"), file.toString());
            assertTrue(text.contains("offsetof(mach_msg_ool_descriptor_t, size) == 12"), file.toString());
            int declared = sdk.stream().mapToInt(b -> b.factsFor(t).size()).sum();
            assertTrue(check.factCount() > 2 * declared, check.factCount() + " assertions for " + declared + " declarations");
            System.out.println("ABI check " + t.id() + ": " + check.factCount() + " assertions for " + declared
                    + " declarations written to " + file + " (compiled against the SDK on the macOS CI legs)");
        }
    }
}
