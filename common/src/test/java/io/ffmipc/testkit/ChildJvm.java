package io.ffmipc.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for cross-process tests: same java, same class path, native access enabled, its
 * output captured to a file, and a watchdog that kills it when the test's time is up. Use it in
 * try-with-resources so the child never outlives the test.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final String mainClass;

    private ChildJvm(Process process, Path output, String mainClass) {
        this.process = process;
        this.output = output;
        this.mainClass = mainClass;
    }

    /** The java launcher of the running JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command line that runs {@code mainClass} in a child JVM on this class path. */
    public static List<String> command(Class<?> mainClass, String... args) {
        return command(System.getProperty("java.class.path"), mainClass, args);
    }

    /** The command line that runs {@code mainClass} in a child JVM on {@code classPath}. */
    public static List<String> command(String classPath, Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code mainClass.main(args)} in a new JVM. */
    public static ChildJvm start(Class<?> mainClass, String... args) {
        return start(List.of(), command(mainClass, args), mainClass);
    }

    /**
     * Starts {@code command} (a {@link #command}) behind {@code launcher}, a prefix such as
     * {@code setpriv --reuid=… --} that runs it as another user.
     */
    public static ChildJvm start(List<String> launcher, List<String> command, Class<?> mainClass) {
        try {
            Path out = Files.createTempFile("ffmipc-child-", ".log");
            List<String> full = new ArrayList<>(launcher);
            full.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            return new ChildJvm(pb.start(), out, mainClass.getSimpleName());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start child JVM for " + mainClass.getName(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /**
     * Waits for the child to exit; kills it and fails if it has not within {@code timeout}.
     * Returns the exit code.
     */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("child " + mainClass + " did not finish within " + timeout
                        + "; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for child " + mainClass, e);
        }
    }

    /** Waits like {@link #waitFor} and fails with the child's output unless it exited with 0. */
    public void assertSuccess(Duration timeout) {
        int code = waitFor(timeout);
        if (code != 0) {
            throw new AssertionError("child " + mainClass + " exited with " + code + "; its output:\n" + output());
        }
    }

    /** Kills the child with SIGKILL and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the child printed so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
