package io.ffmipc.all;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.SharedMemory;
import io.ffmipc.linux.LinuxProvider;
import io.ffmipc.macos.MacosProvider;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.windows.WindowsProvider;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What io.ffmipc:ffm-ipc gives an application: the portable API and every provider, the one for
 * this OS chosen at run time, on the module path and on the class path, in a child JVM under
 * {@code --illegal-native-access=deny}; and the module-path flag that it needs is the one the
 * README gives, the library's hint names and {@link Ipc#nativeAccessFlag()} returns.
 */
class EveryProviderTest {
    /** Every module of the artifact that may make restricted calls, on every OS: one command line. */
    private static final String MODULE_FLAG =
            "--enable-native-access=io.ffmipc,io.ffmipc.linux,io.ffmipc.macos,io.ffmipc.windows";

    /** Child: the application, on the class path; reports what it found, one line each; exits 0. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println("flag " + Ipc.nativeAccessFlag());
            System.out.println("providers " + Ipc.providers().stream().map(IpcProvider::name).sorted()
                    .collect(Collectors.joining(",")));
            try {
                IpcPlatform ipc = Ipc.platform();
                System.out.println("activated " + ipc.os() + " from " + ipc.getClass().getModule());
                try (SharedMemory shm = ipc.anonymousSharedMemory(4096)) {
                    shm.segment().set(ValueLayout.JAVA_LONG, 0, 42L);
                    System.out.println("shared memory holds " + shm.segment().get(ValueLayout.JAVA_LONG, 0));
                }
            } catch (RuntimeException e) {
                System.out.println("failed " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }

    private static String codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The artifact's jars as Maven resolves them: io.ffmipc.all (this module's classes) and its four dependencies. */
    private static List<String> artifactPath() throws URISyntaxException {
        return List.of(Path.of("target", "classes").toAbsolutePath().toString(), codeSource(IpcPlatform.class),
                codeSource(LinuxProvider.class), codeSource(MacosProvider.class), codeSource(WindowsProvider.class));
    }

    /** The library on the module path, resolved from io.ffmipc as an application that requires it is. */
    private static String onTheModulePath(String... jvmFlags) throws Exception {
        List<String> args = new ArrayList<>(List.of(jvmFlags));
        args.addAll(List.of("--module-path", String.join(File.pathSeparator, artifactPath()),
                "--add-modules", "io.ffmipc", "-cp", codeSource(Child.class), Child.class.getName()));
        return java(args);
    }

    private static String onTheClassPath(String... jvmFlags) throws Exception {
        List<String> args = new ArrayList<>(List.of(jvmFlags));
        String classPath = Stream.concat(artifactPath().stream(), Stream.of(codeSource(Child.class)))
                .collect(Collectors.joining(File.pathSeparator));
        args.addAll(List.of("-cp", classPath, Child.class.getName()));
        return java(args);
    }

    /** The output of a JVM with these arguments, which must exit 0 within 30 s. */
    private static String java(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.javaExecutable()));
        cmd.addAll(args);
        try (ChildJvm child = ChildJvm.start(List.of(), cmd, Child.class)) {
            child.assertSuccess(Duration.ofSeconds(30));
            return child.output();
        }
    }

    @Test
    void onTheModulePathTheReadmesFlagIsEnoughUnderDeny() throws Exception {
        String out = onTheModulePath("--illegal-native-access=deny", MODULE_FLAG);
        assertTrue(out.contains("providers linux,macos,windows"), out);
        assertTrue(out.contains("activated Linux from module io.ffmipc"), out);
        assertTrue(out.contains("shared memory holds 42"), out);
        assertTrue(out.contains("flag " + MODULE_FLAG), out);
        assertTrue(out.lines().noneMatch(l -> l.startsWith("failed ") || l.startsWith("WARNING")), out);
    }

    /** The typed error names the modules that need access here and the flag that serves every OS. */
    @Test
    void deniedOnTheModulePathNamesTheFlagForEveryOs() throws Exception {
        String out = onTheModulePath("--illegal-native-access=deny");
        assertTrue(out.contains("failed io.ffmipc.NativeAccessException: enable native access failed: native access"
                + " is not enabled for modules io.ffmipc and io.ffmipc.linux; start java with " + MODULE_FLAG), out);
    }

    @Test
    void theHintOnTheModulePathNamesTheSameFlag() throws Exception {
        String out = onTheModulePath();
        assertTrue(out.contains("ffm-ipc: native access is not enabled for modules io.ffmipc and io.ffmipc.linux;"
                + " start java with " + MODULE_FLAG), out);
        assertTrue(out.contains("shared memory holds 42"), out);
    }

    @Test
    void onTheClassPathAllUnnamedIsEnoughUnderDeny() throws Exception {
        String out = onTheClassPath("--illegal-native-access=deny", "--enable-native-access=ALL-UNNAMED");
        assertTrue(out.contains("flag --enable-native-access=ALL-UNNAMED"), out);
        assertTrue(out.contains("providers linux,macos,windows"), out);
        assertTrue(out.contains("activated Linux from unnamed module"), out);
        assertTrue(out.contains("shared memory holds 42"), out);
        assertTrue(out.lines().noneMatch(l -> l.startsWith("failed ") || l.startsWith("WARNING")), out);
    }

    @Test
    void theReadmeGivesTheSameFlag() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("`java " + MODULE_FLAG + " ...`"), "README's native access section");
    }
}
