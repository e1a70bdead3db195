package io.ffmipc.linux.ffi;

import io.ffmipc.testkit.abi.AbiCheckSource;
import io.ffmipc.testkit.abi.AbiDeclarations;
import io.ffmipc.testkit.abi.AbiDeclarations.Binding;
import io.ffmipc.testkit.abi.AbiDeclarations.Fact;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;
import io.ffmipc.testkit.abi.AbiCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ffmipc.ffi.Target.LINUX_X86_64;
import static io.ffmipc.ffi.Target.LINUX_X86_64_MUSL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The musl target beside glibc's x86_64 (the compile against musl's headers itself is in
 * {@link LinuxAbiConformanceTest}): nothing escapes the musl check, the provider may keep reading
 * linux-x86_64's values under musl, and a wrong musl value fails the check.
 */
class MuslAbiTest {
    private static List<Binding> bindings;

    @TempDir
    Path dir;

    @BeforeAll
    static void scan() {
        bindings = AbiDeclarations.scanModuleOf(LibC.class);
    }

    /** A binding written for musl declares every fact it has for glibc x86_64 for musl too (or the musl check would skip it). */
    @Test
    void everyGlibcX8664FactOfAMuslBindingIsCheckedOnMusl() {
        List<String> missing = new ArrayList<>();
        for (Binding b : bindings) {
            if (b.headersFor(LINUX_X86_64_MUSL) == null) {
                continue;
            }
            for (Fact f : b.facts()) {
                if (f.targets().contains(LINUX_X86_64) && !f.targets().contains(LINUX_X86_64_MUSL)) {
                    missing.add(f.name());
                }
            }
        }
        assertEquals(List.of(), missing, "facts declared for linux-x86_64 but not for linux-x86_64-musl");
    }

    /**
     * The provider reads constants and layouts through {@code intValue()} and {@code layout()}, which
     * give linux-x86_64's values: right under musl only while every constant is equal and every member
     * the musl headers name sits at the same offset in a struct of the same size. Where musl types a
     * member narrower (an int and padding for glibc's size_t, on little-endian x86_64) the provider's
     * 64-bit access covers the same bytes the kernel reads. If this fails, the provider must read
     * that value by {@link LibC#TARGET} instead.
     */
    @Test
    void muslAgreesWithGlibcWhereverTheProviderReads() {
        Map<String, String> differences = new LinkedHashMap<>();
        for (Binding b : bindings) {
            for (Fact f : b.factsFor(LINUX_X86_64_MUSL)) {
                switch (f.declaration()) {
                    case CConstant c -> {
                        if (c.value(LINUX_X86_64) != c.value(LINUX_X86_64_MUSL)) {
                            differences.put(f.name(), c.value(LINUX_X86_64) + " vs musl " + c.value(LINUX_X86_64_MUSL));
                        }
                    }
                    case CStruct s -> {
                        StructLayout glibc = s.layout(LINUX_X86_64);
                        StructLayout musl = s.layout(LINUX_X86_64_MUSL);
                        if (glibc.byteSize() != musl.byteSize()) {
                            differences.put(f.name(), "size " + glibc.byteSize() + " vs musl " + musl.byteSize());
                        }
                        Map<String, Long> glibcOffsets = offsets(glibc);
                        offsets(musl).forEach((member, at) -> {
                            Long g = glibcOffsets.get(member);
                            if (g != null && !g.equals(at)) {
                                differences.put(f.name() + "." + member, "offset " + g + " vs musl " + at);
                            }
                        });
                    }
                    default -> { } // functions: the descriptor comes from the prototype, the same C types on both
                }
            }
        }
        assertEquals(Map.of(), differences);
    }

    /** Without glibc, x86_64 is the musl target; aarch64 has no musl target yet and keeps glibc's values. */
    @Test
    void theProviderTakesTheMuslTargetOnX8664WithoutGlibc() {
        assertEquals(LINUX_X86_64_MUSL, LibC.libcVariant(LINUX_X86_64, false));
        assertEquals(LINUX_X86_64, LibC.libcVariant(LINUX_X86_64, true));
        assertEquals(Target.LINUX_AARCH64, LibC.libcVariant(Target.LINUX_AARCH64, false));
        assertEquals(LibC.libcVariant(Target.current(), LibC.GLIBC), LibC.TARGET);
    }

    @Test
    void aGlibcLayoutDeclaredForMuslFailsTheMuslCheck() {
        // musl's cmsghdr has a 4-byte cmsg_len and padding (4-byte aligned); glibc's a size_t.
        assertBites("CMSGHDR", CStruct.perTarget("struct cmsghdr", LINUX_X86_64_MUSL, LibC.CMSGHDR.layout(LINUX_X86_64)),
                "_Alignof(struct cmsghdr) == 8");
    }

    @Test
    void aWrongMuslConstantFailsTheMuslCheck() {
        assertBites("SYS_FUTEX", CConstant.perTarget("SYS_futex", LINUX_X86_64_MUSL, 98), "SYS_futex == 98");
    }

    /** Replaces one of LibC's facts with {@code wrong} and compiles against musl: that fact, and only it, fails. */
    private void assertBites(String field, Object wrong, String claim) {
        AbiCompiler musl = AbiCompiler.LINUX_X86_64_MUSL;
        musl.requireInstalled();
        Binding libc = bindings.stream().filter(b -> b.type() == LibC.class).findFirst().orElseThrow();
        List<Fact> facts = new ArrayList<>();
        for (Fact f : libc.facts()) {
            facts.add(f.field().equals(field)
                    ? new Fact(f.owner(), f.field(), wrong, f.enumerator(), java.util.Set.of(LINUX_X86_64_MUSL)) : f);
        }
        var check = AbiCheckSource.generate(LINUX_X86_64_MUSL, List.of(new Binding(LibC.class, libc.headers(), facts)));
        AbiCompiler.Result r = musl.compile(check, dir);
        String fact = LibC.class.getName() + "." + field;
        assertFalse(r.ok(), "compiled although " + fact + " is wrong on musl");
        assertEquals(List.of(fact), r.failedFacts(), r.output());
        assertTrue(r.output().contains("ABI fact " + fact + " on linux-x86_64-musl: " + claim), r.output());
    }

    /** Offsets of the named members, nested ones as {@code outer.inner}. */
    private static Map<String, Long> offsets(GroupLayout group) {
        Map<String, Long> out = new LinkedHashMap<>();
        collect(group, "", 0, out);
        return out;
    }

    private static void collect(GroupLayout group, String prefix, long base, Map<String, Long> out) {
        long offset = 0;
        for (MemoryLayout m : group.memberLayouts()) {
            long at = base + offset;
            offset += m.byteSize();
            String path = m.name().map(n -> prefix + n).orElse(null);
            if (path != null) {
                out.put(path, at);
            }
            if (m instanceof GroupLayout g) {
                collect(g, path == null ? prefix : path + ".", at, out);
            }
        }
    }
}
