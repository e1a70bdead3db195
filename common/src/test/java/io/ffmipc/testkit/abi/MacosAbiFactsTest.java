package io.ffmipc.testkit.abi;

import io.ffmipc.ffi.*;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The macOS facts table: well formed, self-consistent, and the check against it agrees and bites. */
class MacosAbiFactsTest {
    private static MacosAbiFacts table;

    @BeforeAll
    static void load() {
        table = MacosAbiFacts.load(MacosAbiFactsTest.class.getClassLoader());
    }

    private static final MemoryLayout IPC_PERM = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("uid"), ValueLayout.JAVA_INT.withName("gid"),
            ValueLayout.JAVA_INT.withName("cuid"), ValueLayout.JAVA_INT.withName("cgid"),
            ValueLayout.JAVA_SHORT.withName("mode"), ValueLayout.JAVA_SHORT.withName("_seq"),
            ValueLayout.JAVA_INT.withName("_key"));

    /** What a macOS binding would declare, all as the table has it. */
    @AbiHeaders(targets = {Target.MACOS_ARM64, Target.MACOS_X86_64}, include = {"sys/mman.h", "sys/ipc.h", "sys/shm.h"})
    static final class Right {
        public static final CConstant O_CREAT = CConstant.of("O_CREAT", 0x200);
        public static final CConstant SHMLBA = CConstant.perTarget("SHMLBA", Target.MACOS_ARM64, 16384,
                Target.MACOS_X86_64, 4096);
        public static final CConstant MACH_PORT_DEAD = CConstant.of("MACH_PORT_DEAD", 0xFFFFFFFF);
        public static final CStruct IPC_PERM_LAYOUT = CStruct.of("struct ipc_perm", (java.lang.foreign.StructLayout) IPC_PERM);
        public static final CStruct SHMID_DS = CStruct.of("struct shmid_ds", MemoryLayout.structLayout(
                // nested members are looked up by their full path; the table lists shm_perm as a whole
                MemoryLayout.sequenceLayout(24, ValueLayout.JAVA_BYTE).withName("shm_perm"), ValueLayout.JAVA_LONG_UNALIGNED.withName("shm_segsz"),
                ValueLayout.JAVA_INT.withName("shm_lpid"), ValueLayout.JAVA_INT.withName("shm_cpid"),
                ValueLayout.JAVA_SHORT.withName("shm_nattch"), MemoryLayout.paddingLayout(2),
                ValueLayout.JAVA_LONG_UNALIGNED.withName("shm_atime"), MemoryLayout.paddingLayout(24)));
        public static final CFunction SHM_OPEN = CFunction.variadic("int shm_open(const char *name, int oflag, ...)", "mode_t");
        public static final CFunction MACH_MSG = CFunction.noErrno("mach_msg_return_t mach_msg(mach_msg_header_t *msg,"
                + " mach_msg_option_t option, mach_msg_size_t send_size, mach_msg_size_t rcv_size,"
                + " mach_port_name_t rcv_name, mach_msg_timeout_t timeout, mach_port_name_t notify)");
    }

    @AbiHeaders(targets = {Target.MACOS_ARM64, Target.MACOS_X86_64}, include = {"fcntl.h", "sys/ipc.h", "sys/mman.h"})
    static final class Wrong {
        public static final CConstant O_CREAT = CConstant.of("O_CREAT", 0100); // the Linux value
        public static final CStruct IPC_PERM_LINUX_ORDER = CStruct.of("struct ipc_perm", MemoryLayout.structLayout(
                ValueLayout.JAVA_INT.withName("_key"), MemoryLayout.paddingLayout(20)));
        public static final CFunction SHM_OPEN = CFunction.of("int shm_open(const char *name, int oflag, mode_t mode)");
        public static final CConstant UNKNOWN = CConstant.of("MACH_NOT_IN_TABLE", 1);
    }

    @Test
    void theTableIsWellFormedAndCitesASourceOnEveryRow() {
        assertTrue(table.rows().size() > 250, "rows: " + table.rows().size());
        for (var r : table.rows()) {
            assertTrue(r.source().matches(".*\\b(xnu|launchd|Libc|libplatform|libdispatch|Libinfo):.*"), "line " + r.line() + " cites no repository: " + r);
            assertTrue(r.confidence().matches("[ABC].*"), "line " + r.line() + ": " + r.confidence());
        }
        assertEquals("16384", table.find("constant", "SHMLBA", Target.MACOS_ARM64).value());
        assertEquals("4096", table.find("constant", "SHMLBA", Target.MACOS_X86_64).value());
    }

    @Test
    void everyMemberLiesInsideItsStruct() {
        int members = 0;
        for (var r : table.rows()) {
            if (!r.kind().equals("member")) {
                continue;
            }
            // nested members are named by their path (struct semid_ds.sem_perm.uid): the struct is before the first dot
            String struct = r.name().substring(0, r.name().indexOf('.'));
            for (Target t : r.targets()) {
                var s = table.find("struct", struct, t);
                assertTrue(s != null, "line " + r.line() + ": no struct row for " + struct);
                long end = r.numbers().get("offset") + r.numbers().getOrDefault("size", 1L);
                assertTrue(end <= s.numbers().get("size"), "line " + r.line() + ": " + r.name() + " ends at " + end
                        + ", past sizeof = " + s.numbers().get("size"));
                members++;
            }
        }
        assertTrue(members > 50, "members checked: " + members);
    }

    @Test
    void ctypesMacosScalarSizesAgreeWithTheTable() {
        var report = table.checkTypes();
        assertEquals(List.of(), report.mismatches());
        assertEquals(2, CTypes.layout("mode_t", Target.MACOS_ARM64).byteSize());
        assertTrue(report.checked() >= 40, "type facts checked: " + report.checked());
        System.out.println("ABI check macos (facts table): " + report.checked() + " CTypes sizes checked");
    }

    @Test
    void declaredMacosFactsThatMatchPass() {
        var report = table.check(List.of(AbiDeclarations.read(Right.class)));
        assertEquals(List.of(), report.mismatches());
        assertTrue(report.checked() >= 2 * 20, "facts checked: " + report.checked());
    }

    @Test
    void aWrongValueOffsetPrototypeOrUnknownFactFailsNamingIt() {
        var report = table.check(List.of(AbiDeclarations.read(Wrong.class)));
        String all = String.join("\n", report.mismatches());
        String w = Wrong.class.getName();
        assertTrue(all.contains("ABI fact " + w + ".O_CREAT on macos-arm64: O_CREAT is declared 64, the table says 0x200"), all);
        assertTrue(all.contains("ABI fact " + w + ".IPC_PERM_LINUX_ORDER on macos-x86_64: offsetof(struct ipc_perm, _key)"
                + " is declared 0, the table says 20"), all);
        assertTrue(all.contains("ABI fact " + w + ".SHM_OPEN on macos-arm64: shm_open is declared int (*)(const char *, int, mode_t),"
                + " the table says int (*)(const char *, int, ...)"), all);
        assertTrue(all.contains(w + ".UNKNOWN on macos-arm64: constant MACH_NOT_IN_TABLE is not in the macOS facts table"), all);
        assertEquals(8, report.mismatches().size(), all); // four facts, two targets each
    }

    @Test
    void malformedRowsAreRejectedWithTheirLine() {
        String head = "kind\tname\ttargets\tvalue\tsource\tconfidence\n";
        var e = assertThrows(IllegalArgumentException.class,
                () -> MacosAbiFacts.parse(head + "constant\tX\tmacos\t12z\txnu:a.h\tA\n"));
        assertTrue(e.getMessage().startsWith("line 2 (X): bad number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MacosAbiFacts.parse(head + "constant\tX\tmacos\t1\t\tA\n"));
        assertTrue(e.getMessage().contains("source citation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MacosAbiFacts.parse(head
                + "constant\tX\tmacos\t1\txnu:a.h\tA\nconstant\tX\tmacos-arm64\t2\txnu:a.h\tA\n"));
        assertTrue(e.getMessage().contains("already given on line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MacosAbiFacts.parse(head + "constant\tX\tlinux\t1\txnu:a.h\tA\n"));
        assertTrue(e.getMessage().contains("unknown target 'linux'"), e.getMessage());
    }

    @Test
    void aDeclarationUsesTheSameBitPatternRule() {
        assertTrue(MacosAbiFacts.sameValue(-1, 0xFFFF_FFFFL));
        assertTrue(!MacosAbiFacts.sameValue(1, 0x1_0000_0001L));
    }
}
