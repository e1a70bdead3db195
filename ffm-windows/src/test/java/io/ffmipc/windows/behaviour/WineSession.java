package io.ffmipc.windows.behaviour;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Wine prefix and one persistent wineserver for the whole behaviour suite. The prefix lives in
 * the module's {@code target/} and is reused by later runs (creating it takes several seconds);
 * the server is started persistent so each check costs only its own process start, and is killed
 * at the end ({@code wineserver -k}, then {@code -w} waits for it). Wine runs headless: no display
 * variables are passed, Mono and Gecko are switched off, and Wine's own debug output is silenced.
 */
final class WineSession implements AutoCloseable {
    static final String WINE = "wine";
    static final String WINESERVER = "wineserver";
    /** How long one check may run before it is killed and reported as hung. */
    private static final long CHECK_TIMEOUT_S = 60;
    /** Wine's complaint that the 32-bit half is missing: noise for 64-bit programs. */
    private static final List<String> NOISE = List.of("wine32 is missing", "multiarch needs to be enabled",
            "dpkg --add-architecture", "apt-get install wine32", "could not open working directory",
            "configuration in L", "created the configuration directory", "syswow64\\\\rundll32.exe");

    private final Path prefix;
    private final Map<String, String> environment;
    private String version = "?";

    /** What one run of a Windows program gave. */
    record Outcome(int exitCode, String output, long millis) {
    }

    private WineSession(Path prefix) {
        this.prefix = prefix;
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.put("WINEPREFIX", prefix.toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        this.environment = Map.copyOf(env);
    }

    /** Starts a persistent server on the prefix and makes sure the prefix is initialised. */
    static WineSession start(Path prefix) throws InterruptedException {
        try {
            Files.createDirectories(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WineSession s = new WineSession(prefix);
        s.command(30, WINESERVER, "-k"); // a server left by an aborted run would not take -p
        s.require(s.command(30, WINESERVER, "-p"), "start a persistent wineserver");
        s.require(s.command(300, WINE, "wineboot", "--init"), "initialise the Wine prefix " + prefix);
        Outcome v = s.command(30, WINE, "--version");
        s.require(v, "read Wine's version");
        s.version = v.output().strip().split("\\s+")[0];
        return s;
    }

    /** Runs a Windows program to its end (or kills it after the timeout). */
    Outcome run(Path exe, String... args) throws InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(WINE, exe.toString()));
        cmd.addAll(List.of(args));
        return command(CHECK_TIMEOUT_S, cmd.toArray(String[]::new));
    }

    @Override
    public void close() throws InterruptedException {
        command(30, WINESERVER, "-k");
        command(30, WINESERVER, "-w");
    }

    Path prefix() {
        return prefix;
    }

    /** Wine's version word, as {@code wine --version} starts: {@code wine-8.0}. */
    String version() {
        return version;
    }

    private void require(Outcome o, String what) {
        if (o.exitCode() != 0) {
            throw new AssertionError("could not " + what + " (exit " + o.exitCode() + "):\n" + o.output());
        }
    }

    /**
     * Runs a command with the session's environment, its output going to a file: Wine leaves helper
     * processes behind (the console host, the services wineboot starts) that inherit the output, so
     * a pipe would not reach its end when the program does.
     */
    private Outcome command(long timeoutSeconds, String... cmd) throws InterruptedException {
        long start = System.nanoTime();
        Path log;
        try {
            log = Files.createTempFile(prefix.getParent(), "wine-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(prefix.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(environment);
        try {
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Outcome(-1, "(killed after " + timeoutSeconds + " s)\n" + withoutNoise(read(log)),
                        elapsed(start));
            }
            return new Outcome(p.exitValue(), withoutNoise(read(log)), elapsed(start));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a log left in target/ is harmless
            }
        }
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output not read: " + e + ")";
        }
    }

    private static String withoutNoise(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && NOISE.stream().noneMatch(line::contains)) {
                sb.append(line.strip()).append('\n');
            }
        }
        return sb.toString();
    }
}
