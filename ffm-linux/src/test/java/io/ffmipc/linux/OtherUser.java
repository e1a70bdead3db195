package io.ffmipc.linux;

import io.ffmipc.testkit.ChildJvm;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM run as another user — uid and gid 65534 ({@code nobody}), no supplementary groups —
 * through {@code setpriv}, for tests of what one user's objects let another do. Only root may
 * switch users, so tests {@code assumeTrue(OtherUser.available(), OtherUser.WHY_NOT)}. The class
 * path entries that user cannot read (the Maven repository under root's 0700 home) are copied
 * once into a directory everyone can read.
 */
final class OtherUser {
    static final long UID = 65534;
    static final String WHY_NOT = "running a process as another user needs root and setpriv (util-linux)";
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static String classPath;

    private OtherUser() {
    }

    static boolean available() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV);
    }

    /** What the child printed and its exit code. */
    record Result(int exitCode, String output) {
    }

    /** Runs {@code main} with {@code args} as uid {@value #UID} and waits for it (at most a minute). */
    static Result run(Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups"));
        List<String> java = ChildJvm.command(main, args);
        int cp = java.indexOf("-cp");
        java.set(cp + 1, readableClassPath());
        command.addAll(java);
        Path out = Files.createTempFile("ffmipc-other-user-", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(new File("/tmp")).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(main.getSimpleName() + " as uid " + UID + " did not finish; it said:\n"
                        + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** This JVM's class path with every entry the other user cannot read replaced by a readable copy. */
    private static synchronized String readableClassPath() throws IOException {
        if (classPath == null) {
            Path copies = Files.createTempDirectory("ffmipc-other-user-cp-");
            Files.setPosixFilePermissions(copies, PosixFilePermissions.fromString("rwxr-xr-x"));
            copies.toFile().deleteOnExit();
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (!Files.exists(p) || readableByOthers(p)) {
                    entries.add(entry);
                } else if (Files.isRegularFile(p)) {
                    Path copy = copies.resolve(entries.size() + "-" + p.getFileName());
                    Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                    copy.toFile().deleteOnExit();
                    entries.add(copy.toString());
                } else {
                    throw new IllegalStateException("class path directory " + p + " is not readable by uid " + UID);
                }
            }
            classPath = String.join(File.pathSeparator, entries);
        }
        return classPath;
    }

    /** Whether "others" may reach {@code p} (search every parent) and read it. */
    private static boolean readableByOthers(Path p) throws IOException {
        for (Path dir = p.getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        Set<PosixFilePermission> own = Files.getPosixFilePermissions(p);
        return own.contains(PosixFilePermission.OTHERS_READ)
                && (!Files.isDirectory(p) || own.contains(PosixFilePermission.OTHERS_EXECUTE));
    }
}
