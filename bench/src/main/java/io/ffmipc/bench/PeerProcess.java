package io.ffmipc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.Inheritable;
import io.ffmipc.Ipc;
import io.ffmipc.spi.Durations;

/**
 * The peer JVM of one round: the same java and class path as this one, native access enabled and
 * {@code jdk.internal.misc} opened (Aeron's Agrona needs it on JDK 25). Its standard error goes to
 * a log file that a failure report quotes.
 */
final class PeerProcess implements PeerStarter, AutoCloseable {
    private final String mechanism;
    private final boolean fastStart;
    private final Path log;
    private ChildProcess child;
    private Process process;

    PeerProcess(String mechanism, boolean fastStart) {
        this.mechanism = mechanism;
        this.fastStart = fastStart;
        try {
            this.log = Files.createTempFile("ffmipc-bench-peer-", ".log");
        } catch (IOException e) {
            throw new BenchFailure("cannot create the peer's log file", e);
        }
    }

    /** The java command that runs {@link PeerMain} for {@code mechanism} with {@code args}. */
    static List<String> command(String mechanism, boolean fastStart, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--add-opens");
        cmd.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        if (fastStart) {
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-Xshare:auto");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(PeerMain.class.getName());
        cmd.add(mechanism);
        cmd.addAll(args);
        return cmd;
    }

    @Override
    public void start(List<String> args, Inheritable... inherited) {
        checkNotStarted();
        ChildLauncher launcher = Ipc.platform().launcher(command(mechanism, fastStart, args));
        for (Inheritable h : inherited) {
            launcher.argument(launcher.inherit(h));
        }
        child = launcher.stdout(log).stderr(log).start();
    }

    @Override
    public Process startWithStdio(List<String> args) {
        checkNotStarted();
        try {
            process = new ProcessBuilder(command(mechanism, fastStart, args)).redirectError(log.toFile()).start();
            return process;
        } catch (IOException e) {
            throw new BenchFailure(mechanism + ": cannot start the peer JVM", e);
        }
    }

    private void checkNotStarted() {
        if (child != null || process != null) {
            throw new IllegalStateException(mechanism + ": the peer was already started");
        }
    }

    /** Waits for the peer to finish its side; a non-zero exit fails the run with the peer's own words. */
    void awaitSuccess(Duration timeout) {
        OptionalInt code;
        if (child != null) {
            code = child.waitFor(timeout);
        } else if (process != null) {
            try {
                code = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure(mechanism + ": interrupted while waiting for the peer", e);
            }
        } else {
            throw new BenchFailure(mechanism + ": the mechanism never started its peer");
        }
        if (code.isEmpty()) {
            throw new BenchFailure(mechanism + ": the peer did not finish within " + Durations.format(timeout) + describeLog());
        }
        if (code.getAsInt() != 0) {
            throw new BenchFailure(mechanism + ": the peer exited with " + code.getAsInt() + describeLog());
        }
    }

    /** The peer's log, for a failure message. */
    String describeLog() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (text.length() > 4000) {
                text = "…" + text.substring(text.length() - 4000);
            }
            return text.isEmpty() ? "" : "; the peer said:\n" + text;
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills the peer if it still runs and removes its log. */
    @Override
    public void close() {
        if (child != null) {
            child.close();
        }
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a stale temp file is harmless
        }
    }
}
