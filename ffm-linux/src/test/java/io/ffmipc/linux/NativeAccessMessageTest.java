package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.modulepath.ModulePathChild;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user who forgot --enable-native-access is told the exact flag, whether the JVM warns or denies,
 * on the class path and on the module path; and the flag the README gives is that flag, and it is
 * enough under {@code --illegal-native-access=deny}.
 */
class NativeAccessMessageTest {
    /**
     * The flag for the module path: the README, the one-line hint and NativeAccessException give it.
     * Both modules make restricted calls (io.ffmipc links downcalls, io.ffmipc.linux reinterprets).
     */
    private static final String MODULE_FLAG = "--enable-native-access=io.ffmipc,io.ffmipc.linux";
    private static final String MODULE_ADVICE = "native access is not enabled for modules io.ffmipc and io.ffmipc.linux;"
            + " start java with " + MODULE_FLAG;

    /** Child: activates the platform and reports what happened. */
    public static final class Child {
        public static void main(String[] args) {
            try {
                System.out.println("activated " + Ipc.platform().os());
            } catch (RuntimeException e) {
                System.out.println("failed " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }

    private static String run(String... jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        return java(cmd);
    }

    /** The output of a JVM with these arguments, which must exit 0 within 30 s. */
    private static String java(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(ChildJvm.javaExecutable()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void deniedNativeAccessIsATypedErrorNamingTheFlag() throws Exception {
        String out = run("--illegal-native-access=deny");
        assertTrue(out.contains("failed io.ffmipc.NativeAccessException"), out);
        assertTrue(out.contains("--enable-native-access=ALL-UNNAMED"), out);
    }

    @Test
    void missingNativeAccessWarnsWithTheFlagAndStillWorks() throws Exception {
        String out = run();
        assertTrue(out.contains("activated Linux"), out);
        assertTrue(out.contains("ffm-ipc: native access is not enabled for the class path; start java with"
                + " --enable-native-access=ALL-UNNAMED"), out);
    }

    @Test
    void enabledNativeAccessIsSilent() throws Exception {
        String out = run("--enable-native-access=ALL-UNNAMED");
        assertTrue(out.contains("activated Linux"), out);
        assertTrue(!out.contains("native access is not enabled"), out);
    }

    /** Where a class was loaded from: a class directory during the build, or a jar. */
    private static String codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /**
     * The library on the module path (io.ffmipc and io.ffmipc.linux as named modules), the
     * application ({@link ModulePathChild}) on the class path, like a user who follows the README.
     */
    private static String runOnModulePath(String... jvmFlags) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(jvmFlags));
        cmd.addAll(List.of("--module-path", codeSource(IpcPlatform.class) + File.pathSeparator
                        + codeSource(LinuxSeams.class), "--add-modules", "io.ffmipc.linux",
                "-cp", codeSource(ModulePathChild.class), ModulePathChild.class.getName(), TestNames.unique("modpath")));
        return java(cmd);
    }

    @Test
    void theReadmesModulePathFlagIsEnoughUnderDeny() throws Exception {
        String out = runOnModulePath("--illegal-native-access=deny", MODULE_FLAG);
        assertTrue(out.contains("activated Linux from module io.ffmipc") && !out.contains("unnamed module"), out);
        assertTrue(out.contains("shared memory holds 42"), out);
        assertTrue(out.contains("semaphore value 1"), out);
        assertTrue(out.contains("missing: ") && out.contains("ENOENT (2): No such file or directory"), out);
        assertTrue(out.lines().noneMatch(l -> l.startsWith("failed ") || l.startsWith("WARNING")), out);
    }

    @Test
    void deniedOnTheModulePathNamesTheModuleFlag() throws Exception {
        String out = runOnModulePath("--illegal-native-access=deny");
        assertTrue(out.contains("failed io.ffmipc.NativeAccessException: enable native access failed: " + MODULE_ADVICE), out);
    }

    /** Half the flag (the old README's, or the other half) is refused with a typed error naming the whole flag. */
    @Test
    void halfTheFlagUnderDenyNamesTheWholeFlag() throws Exception {
        for (String half : new String[]{"--enable-native-access=io.ffmipc.linux", "--enable-native-access=io.ffmipc"}) {
            String out = runOnModulePath("--illegal-native-access=deny", half);
            assertTrue(out.contains("failed io.ffmipc.NativeAccessException: enable native access failed: " + MODULE_ADVICE),
                    half + ":\n" + out);
        }
    }

    @Test
    void theHintOnTheModulePathNamesTheSameFlag() throws Exception {
        String out = runOnModulePath();
        assertTrue(out.contains("ffm-ipc: " + MODULE_ADVICE), out);
        assertTrue(out.contains("shared memory holds 42"), out);
    }

    @Test
    void theReadmeGivesTheSameFlag() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("`java " + MODULE_FLAG + " ...`"), "README's native access section");
    }
}
