package io.ffmipc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./ffmipc} launcher, run from a copy in a scratch directory with a stand-in {@code mvn}
 * (noisy, and failing on request) and a stand-in JDK 25 {@code java}, so its own behaviour is tested
 * in a second instead of a real build: it says in one line that it builds, hides the build's output
 * unless the build fails, and runs the jar.
 */
class LauncherScriptTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The scratch tree: root/ffmipc with the ci/find-java it uses, bin/mvn, jdk/bin/java. */
    private Path setUp() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.copy(Path.of("..", "ffmipc"), root.resolve("ffmipc"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(root.resolve("ci"));
        Files.copy(Path.of("..", "ci", "find-java"), root.resolve("ci/find-java"), StandardCopyOption.COPY_ATTRIBUTES);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "[INFO] BUILD NOISE on stdout"
                echo "[WARNING] BUILD NOISE on stderr" >&2
                if [ -n "${FAKE_MVN_FAIL:-}" ]; then echo "[ERROR] COMPILATION ERROR"; exit 1; fi
                mkdir -p cli/target && echo jar > cli/target/ffmipc.jar
                """);
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        executable(jdk.resolve("java"), """
                #!/usr/bin/env bash
                case "$*" in
                  *-XshowSettings:properties*) echo "    java.specification.version = 25" >&2 ;;
                  *) echo "java $*" ;;
                esac
                """);
        return root;
    }

    private Run run(Path root, boolean failBuild) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("ffmipc").toString(), "-V");
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("TMPDIR", dir.toString()); // where a failed build leaves its log
        if (failBuild) {
            pb.environment().put("FAKE_MVN_FAIL", "1");
        } else {
            pb.environment().remove("FAKE_MVN_FAIL");
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aBuildSaysSoInOneLineHidesItsOutputAndRunsTheJar() throws Exception {
        Path root = setUp();
        Run first = run(root, false);
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(1, first.err().lines().count(), "one line, and no build output:\n" + first);
        assertTrue(first.err().startsWith("ffmipc: building "), first.toString());
        assertEquals("java -jar " + root.resolve("cli/target/ffmipc.jar") + " -V\n", first.out());

        Run second = run(root, false);
        assertEquals("", second.err(), "the jar is up to date: nothing to say\n" + second);
        assertEquals(first.out(), second.out());
    }

    @Test
    void aFailedBuildShowsItsOutput() throws Exception {
        Path root = setUp();
        Run failed = run(root, true);
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().startsWith("ffmipc: building "), failed.toString());
        assertTrue(failed.err().contains("BUILD NOISE on stdout") && failed.err().contains("BUILD NOISE on stderr")
                && failed.err().contains("[ERROR] COMPILATION ERROR"), failed.toString());
        assertTrue(failed.err().contains("ffmipc: the build failed"), failed.toString());
        try (var logs = Files.list(dir)) {
            assertEquals(1, logs.filter(f -> f.getFileName().toString().startsWith("ffmipc-build.")).count(),
                    "the failed build's log is kept");
        }
        assertEquals("", failed.out(), "nothing ran");
        assertFalse(Files.exists(root.resolve("cli/target/ffmipc.jar")));
    }
}
