package io.ffmipc.cli;

import io.ffmipc.testkit.RequiredTool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ffmipc.cmd} launcher, run by Wine's {@code cmd} from a copy in a scratch directory with
 * a stand-in {@code mvn.cmd} and a stand-in {@code java.exe} (built with mingw-w64; its Java version
 * is chosen per test), as {@link LauncherScriptTest} runs {@code ./ffmipc}. Wine's cmd is a
 * reimplementation of Windows's, so this shows the script's flow — which JDK it takes, what it says,
 * when it builds — not every quirk of the real cmd; the Windows leg of the CI matrix runs the real
 * one. Wine has no PowerShell, so here every run rebuilds; the up-to-date check runs on Windows only.
 */
class WindowsLauncherScriptTest {
    private static final String JAVA_STAND_IN = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            int main(int argc, char **argv) {
                const char *v = getenv("FAKE_JAVA_VERSION");
                for (int i = 1; i < argc; i++) {
                    if (strstr(argv[i], "-XshowSettings") != NULL) {
                        fprintf(stderr, "Property settings:\\n    java.specification.version = %s\\n", v ? v : "25");
                        return 0;
                    }
                }
                printf("java");
                for (int i = 1; i < argc; i++) {
                    printf(" %s", argv[i]);
                }
                printf("\\n");
                return 0;
            }
            """;
    private static Path prefix;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void tools() {
        Assumptions.assumeTrue(System.getProperty("os.name", "").equals("Linux"), "Wine runs the script on Linux");
        RequiredTool.require("wine", "running ffmipc.cmd under Wine", "wine wine64");
        RequiredTool.require("x86_64-w64-mingw32-gcc", "the stand-in java.exe", "gcc-mingw-w64-x86-64");
        prefix = Path.of("target", "wine-prefix").toAbsolutePath();
    }

    /** The scratch tree: root\ffmipc.cmd, bin\mvn.cmd, jdk\bin\java.exe. */
    private Path setUp() throws IOException, InterruptedException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.copy(Path.of("..", "ffmipc.cmd"), root.resolve("ffmipc.cmd"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("mvn.cmd"), String.join("\r\n",
                "@echo off",
                "echo [INFO] BUILD NOISE on stdout",
                "echo [WARNING] BUILD NOISE on stderr 1>&2",
                "if defined FAKE_MVN_FAIL (echo [ERROR] COMPILATION ERROR& exit /b 1)",
                "mkdir cli\\target 2>nul",
                "echo jar> cli\\target\\ffmipc.jar",
                "exit /b 0", ""), StandardCharsets.US_ASCII);
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        Path source = dir.resolve("java.c");
        Files.writeString(source, JAVA_STAND_IN);
        Process cc = new ProcessBuilder("x86_64-w64-mingw32-gcc", "-O1", "-o", jdk.resolve("java.exe").toString(),
                source.toString()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(120, TimeUnit.SECONDS) && cc.exitValue() == 0, "the stand-in java.exe: " + ccOut);
        return root;
    }

    private Run run(Path root, String javaHome, String javaVersion, boolean failBuild) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("wine", "cmd", "/c", windows(root.resolve("ffmipc.cmd")), "-V"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        var env = pb.environment();
        env.put("WINEPREFIX", prefix.toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        env.put("WINEPATH", windows(dir.resolve("bin"))); // prepended to the Windows PATH: mvn.cmd
        env.put("JAVA_HOME", javaHome);
        env.put("FAKE_JAVA_VERSION", javaVersion);
        if (failBuild) {
            env.put("FAKE_MVN_FAIL", "1");
        } else {
            env.remove("FAKE_MVN_FAIL");
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the script did not finish");
        return new Run(p.exitValue(), clean(Files.readString(out)), clean(Files.readString(err)));
    }

    /** Wine's own complaints (no 32-bit Wine) are not the script's output; lines end in CRLF under cmd. */
    private static String clean(String text) {
        StringBuilder s = new StringBuilder();
        for (String line : text.replace("\r", "").split("\n")) {
            if (!line.isBlank() && !line.contains("wine32") && !line.contains("multiarch") && !line.contains("i386")
                    && !line.contains("execute \"dpkg")) {
                s.append(line.stripTrailing()).append('\n');
            }
        }
        return s.toString();
    }

    /** The Windows path Wine gives a Linux path (drive Z: is /). */
    private static String windows(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    @Test
    void aBuildSaysSoInOneLineHidesItsOutputAndRunsTheJar() throws Exception {
        Path root = setUp();
        Run first = run(root, windows(dir.resolve("jdk")), "25", false);
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.err().startsWith("ffmipc: building "), first.toString());
        assertFalse(first.err().contains("BUILD NOISE") || first.out().contains("BUILD NOISE"), first.toString());
        assertEquals("java -jar " + windows(root) + "\\cli\\target\\ffmipc.jar -V\n", first.out(), first.toString());
    }

    @Test
    void aFailedBuildShowsItsOutput() throws Exception {
        Path root = setUp();
        Run failed = run(root, windows(dir.resolve("jdk")), "25", true);
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().startsWith("ffmipc: building "), failed.toString());
        assertTrue(failed.err().contains("BUILD NOISE on stdout") && failed.err().contains("[ERROR] COMPILATION ERROR")
                && failed.err().contains("ffmipc: the build failed"), failed.toString());
        assertEquals("", failed.out(), "nothing ran");
    }

    @Test
    void aJavaOlderThan25OrNoneIsRefusedSayingWhatToDo() throws Exception {
        Path root = setUp();
        Run old = run(root, windows(dir.resolve("jdk")), "21", false);
        assertEquals(1, old.exitCode(), old.toString());
        assertTrue(old.err().contains("is Java 21; ffmipc needs 25 or newer"), old.toString());
        Run none = run(root, windows(dir.resolve("nowhere")), "25", false);
        assertEquals(1, none.exitCode(), none.toString());
        assertTrue(none.err().contains("no JDK 25 or newer found"), none.toString());
        assertEquals("", none.out());
    }
}
