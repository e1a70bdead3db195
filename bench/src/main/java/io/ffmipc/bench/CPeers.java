package io.ffmipc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles the C reference peers with {@code gcc -O3 -march=native} (the JIT compiles the Java side for this CPU too) into a temporary directory, once, on first
 * use; without gcc (or when it fails) the C rows are skipped with the reason.
 */
final class CPeers implements AutoCloseable {
    static final String SOURCE = "ffmipc_peers.c";

    private Path dir;
    private Path binary;
    private String unavailable;
    private boolean tried;

    synchronized String unavailableReason() {
        compile();
        return unavailable;
    }

    synchronized Path binary() {
        compile();
        if (binary == null) {
            throw new BenchFailure("C peers unavailable: " + unavailable);
        }
        return binary;
    }

    private void compile() {
        if (tried) {
            return;
        }
        tried = true;
        try (InputStream src = CPeers.class.getResourceAsStream("c/" + SOURCE)) {
            if (src == null) {
                unavailable = "the C source " + SOURCE + " is not on the class path";
                return;
            }
            dir = Files.createTempDirectory("ffmipc-bench-c");
            Path c = dir.resolve(SOURCE);
            Files.write(c, src.readAllBytes());
            Path exe = dir.resolve("ffmipc_peers");
            Process p;
            try {
                p = new ProcessBuilder("gcc", "-O3", "-march=native", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                unavailable = "gcc is not installed (C reference rows skipped)";
                return;
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                unavailable = "gcc did not finish within 120 s";
                return;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                unavailable = "gcc failed: " + out;
                return;
            }
            binary = exe;
        } catch (IOException e) {
            unavailable = "cannot compile the C peers: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while compiling the C peers";
        }
    }

    @Override
    public synchronized void close() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a stale temp directory is harmless
        }
    }
}
