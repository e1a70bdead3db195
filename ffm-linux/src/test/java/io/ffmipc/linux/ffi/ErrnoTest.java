package io.ffmipc.linux.ffi;

import io.ffmipc.IpcException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.spi.ErrorKind;
import io.ffmipc.testkit.abi.AbiDeclarations;
import io.ffmipc.ffi.Target;
import io.ffmipc.testkit.abi.AbiCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every errno the C library can report has its name: the list in {@link Errno} is compared with
 * the errno macros the real headers of each Linux target define (their values are compared by
 * {@code LinuxAbiConformanceTest}).
 */
class ErrnoTest {
    private static final Pattern DEFINE = Pattern.compile("^#define (E[A-Z0-9]+) (\\S+)$");

    @Test
    void aCodeThatWasUnnamedFormatsWithItsName() {
        assertEquals("ELOOP (40): Too many levels of symbolic links", Errno.osError(40).toString());
        IpcException e = Errno.exception("open", "x", 40);
        assertTrue(e.getMessage().contains("ELOOP (40): Too many levels of symbolic links"), e.getMessage());
    }

    @Test
    void kindsDecideTheExceptionType() {
        assertEquals(ErrorKind.NOT_FOUND, Errno.kind(Errno.ENOENT.intValue()));
        assertEquals(ErrorKind.LIMIT, Errno.kind(Errno.ENOBUFS.intValue()));
        assertEquals(ErrorKind.OTHER, Errno.kind(Errno.ELOOP.intValue()));
        assertInstanceOf(NoSuchIpcObjectException.class, Errno.exception("connect", "x", Errno.ECONNREFUSED.intValue()));
        assertEquals("?", Errno.osError(4095).symbol(), "a code Linux does not define");
    }

    /** The errno macros of {@code <errno.h>} as this target's preprocessor sees them: name → value or aliased name. */
    private static Map<String, String> headerMacros(AbiCompiler cc) throws IOException, InterruptedException {
        cc.requireInstalled();
        Process p = new ProcessBuilder(cc.command(), "-D_GNU_SOURCE", "-dM", "-E", "-x", "c", "-")
                .redirectErrorStream(true).start();
        p.getOutputStream().write("#include <errno.h>\n".getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), cc.command() + " did not finish");
        assertEquals(0, p.exitValue(), out);
        Map<String, String> macros = new TreeMap<>();
        for (String line : out.split("\n")) {
            Matcher m = DEFINE.matcher(line.strip());
            if (m.matches()) {
                macros.put(m.group(1), m.group(2));
            }
        }
        assertTrue(macros.size() > 100, "expected the kernel's errno list, got " + macros);
        return macros;
    }

    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"LINUX_X86_64", "LINUX_AARCH64"})
    void everyErrnoTheHeadersDefineIsDeclared(Target target) throws Exception {
        Map<String, String> macros = headerMacros(AbiCompiler.forTarget(target));
        List<String> declared = AbiDeclarations.read(Errno.class).facts().stream()
                .map(AbiDeclarations.Fact::cName).toList();
        TreeSet<String> missing = new TreeSet<>(macros.keySet());
        missing.removeAll(declared);
        assertEquals(new TreeSet<>(), missing, "errno macros of " + target + "'s headers that Errno does not declare");
        TreeSet<String> extra = new TreeSet<>(declared);
        extra.removeAll(macros.keySet());
        assertEquals(new TreeSet<>(), extra, "names in Errno that " + target + "'s headers do not define");
    }

    /** Each numeric definition is a primary name, and it is the name messages print for its code. */
    @Test
    void everyCodeOfTheHeadersPrintsItsPrimaryName() throws Exception {
        Map<String, String> macros = headerMacros(AbiCompiler.LINUX_X86_64);
        int codes = 0;
        for (Map.Entry<String, String> m : macros.entrySet()) {
            if (m.getValue().matches("\\d+")) {
                int code = Integer.parseInt(m.getValue());
                assertEquals(m.getKey(), Errno.osError(code).symbol(), "code " + code);
                codes++;
            } else {
                String primary = m.getValue();
                assertTrue(macros.containsKey(primary), m.getKey() + " aliases " + primary);
                assertEquals(primary, Errno.osError(Integer.parseInt(macros.get(primary))).symbol(),
                        m.getKey() + " is an alias: messages print " + primary);
            }
        }
        assertEquals(131, codes, "Linux 1 to 133 less the two alias slots (41, 58)");
    }
}
