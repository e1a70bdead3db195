package io.ffmipc.testkit;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command a test needs from a Debian package that {@code ci/install-deps} installs (a cross
 * compiler, Wine). Missing on a developer machine or on a non-Linux CI leg, the test is skipped
 * with the package to install; missing on the Linux leg of CI (environment variable {@code CI}
 * set), it fails, since there ci/install-deps must have installed it.
 */
public final class RequiredTool {
    private RequiredTool() {
    }

    /** Whether {@code command} is an executable on the PATH. */
    public static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns if {@code command} is on the PATH; otherwise skips the calling test or, under CI on
     * Linux, fails it.
     *
     * @param command  the executable's name
     * @param purpose  what needs it ("the ABI check for windows-x64")
     * @param packages the Debian package(s) that provide it
     */
    public static void require(String command, String purpose, String packages) {
        if (onPath(command)) {
            return;
        }
        String message = purpose + " needs '" + command + "': install the Debian package(s) " + packages
                + " (ci/install-deps does)";
        if (linuxUnderCi()) {
            throw new AssertionError(message + "; CI is set, so a missing tool fails the build");
        }
        Assumptions.abort(message);
    }

    /** The Linux leg of CI: the one where ci/install-deps runs. */
    private static boolean linuxUnderCi() {
        String ci = System.getenv("CI");
        boolean linux = System.getProperty("os.name", "").equals("Linux");
        return linux && ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
