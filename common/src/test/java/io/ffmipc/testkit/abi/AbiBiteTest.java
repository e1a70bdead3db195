package io.ffmipc.testkit.abi;

import io.ffmipc.ffi.*;
import io.ffmipc.testkit.abi.AbiCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the check bites: each declaration class below gets exactly one fact wrong, and compiling
 * it against the real linux-x86_64 headers fails with a message naming that fact and no other.
 */
class AbiBiteTest {
    private static final String TIMESPEC = "struct timespec";

    @AbiHeaders(targets = Target.LINUX_X86_64, define = "_GNU_SOURCE", include = {"fcntl.h", "time.h", "unistd.h"})
    static final class Right {
        public static final CConstant O_CREAT = CConstant.of("O_CREAT", 0100);
        public static final CStruct TIMESPEC_LAYOUT = CStruct.of(TIMESPEC, MemoryLayout.structLayout(
                ValueLayout.JAVA_LONG.withName("tv_sec"), ValueLayout.JAVA_LONG.withName("tv_nsec")));
        public static final CFunction CLOSE = CFunction.of("int close(int fd)");
    }

    @AbiHeaders(targets = Target.LINUX_X86_64, define = "_GNU_SOURCE", include = {"fcntl.h", "time.h", "unistd.h"})
    static final class WrongConstant {
        public static final CConstant O_CREAT = CConstant.of("O_CREAT", 0200); // really 0100
        public static final CConstant O_EXCL = CConstant.of("O_EXCL", 0200);
    }

    @AbiHeaders(targets = Target.LINUX_X86_64, define = "_GNU_SOURCE", include = {"fcntl.h", "time.h", "unistd.h"})
    static final class WrongOffset {
        // tv_sec placed at 8: size and alignment still right, only the offset is wrong
        public static final CStruct TIMESPEC_LAYOUT = CStruct.of(TIMESPEC, MemoryLayout.structLayout(
                MemoryLayout.paddingLayout(8), ValueLayout.JAVA_LONG.withName("tv_sec")));
        public static final CConstant O_CREAT = CConstant.of("O_CREAT", 0100);
    }

    @AbiHeaders(targets = Target.LINUX_X86_64, define = "_GNU_SOURCE", include = {"fcntl.h", "time.h", "unistd.h"})
    static final class WrongPrototype {
        public static final CFunction CLOSE = CFunction.of("int close(long fd)"); // really int
        public static final CFunction GETPID = CFunction.noErrno("pid_t getpid(void)");
    }

    @AbiHeaders(targets = Target.LINUX_X86_64, define = "_GNU_SOURCE", include = {"fcntl.h"})
    static final class MisspeltMacro {
        public static final CConstant O_CRAET = CConstant.of("O_CRAET", 0100);
    }

    @TempDir
    Path dir;

    private AbiCompiler.Result compile(Class<?> declarations) {
        AbiCompiler gcc = AbiCompiler.LINUX_X86_64;
        gcc.requireInstalled();
        var check = AbiCheckSource.generate(Target.LINUX_X86_64, List.of(AbiDeclarations.read(declarations)));
        return gcc.compile(check, dir);
    }

    private void assertBites(Class<?> declarations, String field, String claim) {
        AbiCompiler.Result r = compile(declarations);
        String fact = declarations.getName() + "." + field;
        assertFalse(r.ok(), "compiled although " + fact + " is wrong:\n" + r.output());
        assertEquals(List.of(fact), r.failedFacts(), r.output());
        assertTrue(r.output().contains("ABI fact " + fact + " on linux-x86_64: " + claim), r.output());
    }

    @Test
    void theRightFactsCompile() {
        AbiCompiler.Result r = compile(Right.class);
        assertTrue(r.ok(), r.output());
    }

    @Test
    void aWrongConstantValueFailsNamingIt() {
        assertBites(WrongConstant.class, "O_CREAT", "O_CREAT == 128");
    }

    @Test
    void aWrongStructOffsetFailsNamingIt() {
        assertBites(WrongOffset.class, "TIMESPEC_LAYOUT", "offsetof(struct timespec, tv_sec) == 8");
    }

    @Test
    void aWrongPrototypeFailsNamingIt() {
        assertBites(WrongPrototype.class, "CLOSE", "the header declares close as int (*)(long)");
    }

    @Test
    void anUndefinedMacroFailsNamingIt() {
        assertBites(MisspeltMacro.class, "O_CRAET", "the headers do not define the macro O_CRAET");
    }
}
