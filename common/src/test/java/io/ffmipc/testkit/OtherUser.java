package io.ffmipc.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The other side of cross-user tests: shell steps run as an unprivileged user (uid and gid
 * {@value #UID}, "nobody", no supplementary groups) through util-linux's {@code setpriv}. The suite
 * runs as root here, so this is how a test plays the attacker or the other tenant; where the suite
 * is not root (or there is no {@code setpriv}) such tests are skipped with the reason.
 */
public final class OtherUser {
    /** The other user's uid and gid. */
    public static final int UID = 65534;
    private static final String SETPRIV = "/usr/bin/setpriv";

    private OtherUser() {
    }

    /** Why this machine cannot run a step as another user, or null if it can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(Path.of(SETPRIV))) {
            return "no " + SETPRIV + " (util-linux) to run the other user's side";
        }
        String uid = run(List.of("id", "-u"), false).trim();
        if (!uid.equals("0")) {
            return "the suite runs as uid " + uid + ", not root: it cannot act as uid " + UID;
        }
        return null;
    }

    /** Skips the calling test (with the reason) where no step can run as another user. */
    public static void assumeAvailable() {
        String reason = unavailableReason();
        assumeTrue(reason == null, reason);
    }

    /** Runs {@code script} with {@code sh -c} as uid {@value #UID}; returns its output; fails if it exits nonzero. */
    public static String sh(String script) {
        List<String> cmd = new ArrayList<>(LAUNCHER);
        cmd.addAll(List.of("sh", "-c", script));
        return run(cmd, true);
    }

    /**
     * Starts {@code mainClass.main(args)} in a child JVM running as uid {@value #UID}. The suite's
     * class path (under /root, which the other user cannot read) is first copied, once per run, to a
     * directory everyone may read, deleted when this JVM ends.
     */
    public static ChildJvm jvm(Class<?> mainClass, String... args) {
        return ChildJvm.start(LAUNCHER, ChildJvm.command(readableClassPath(), mainClass, args), mainClass);
    }

    private static final List<String> LAUNCHER = List.of(SETPRIV, "--reuid=" + UID, "--regid=" + UID, "--clear-groups");
    private static String classPathCopy;

    private static synchronized String readableClassPath() {
        if (classPathCopy == null) {
            try {
                Path dir = Files.createTempDirectory(TestNames.runPrefix() + "other-user-cp-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                List<String> copies = new ArrayList<>();
                String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
                for (int i = 0; i < entries.length; i++) {
                    Path from = Path.of(entries[i]);
                    if (!Files.exists(from)) {
                        continue;
                    }
                    Path to = dir.resolve(i + "-" + from.getFileName());
                    copyTree(from, to);
                    copies.add(to.toString());
                }
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) all::iterator) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                                Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
                classPathCopy = String.join(File.pathSeparator, copies);
            } catch (IOException e) {
                throw new AssertionError("cannot copy the class path for another user", e);
            }
        }
        return classPathCopy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static String run(List<String> command, boolean checked) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within 30 s");
            }
            if (checked && p.exitValue() != 0) {
                throw new AssertionError(command + " exited with " + p.exitValue() + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
