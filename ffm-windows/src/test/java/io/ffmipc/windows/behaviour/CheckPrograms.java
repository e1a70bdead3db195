package io.ffmipc.windows.behaviour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the C checks ({@code src/test/c/wine/*.c}) into Windows executables with mingw-w64, two
 * at a time, skipping those newer than their source and the shared header. A check that does not
 * compile cleanly ({@code -Wall -Werror}) fails the suite with the compiler's words.
 */
final class CheckPrograms {
    static final String COMPILER = "x86_64-w64-mingw32-gcc";
    private static final String HEADER = "check.h";

    private CheckPrograms() {
    }

    /** The check names (file names without {@code .c}) in the source directory. */
    static List<String> names(Path sources) {
        try (Stream<Path> files = Files.list(sources)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c"))
                    .map(n -> n.substring(0, n.length() - 2)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sources, e);
        }
    }

    /** Compiles every check into {@code out}; returns how many were (re)built. */
    static int build(Path sources, Path out) throws InterruptedException {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Boolean>> builds = new ArrayList<>();
            for (String name : names(sources)) {
                builds.add(pool.submit(() -> buildOne(sources, out, name)));
            }
            int built = 0;
            for (Future<Boolean> f : builds) {
                try {
                    built += f.get() ? 1 : 0;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
                }
            }
            return built;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    static Path executable(Path out, String name) {
        return out.resolve(name + ".exe");
    }

    private static boolean buildOne(Path sources, Path out, String name) throws IOException, InterruptedException {
        Path source = sources.resolve(name + ".c");
        Path exe = executable(out, name);
        FileTime newestInput = max(Files.getLastModifiedTime(source), Files.getLastModifiedTime(sources.resolve(HEADER)));
        if (Files.exists(exe) && Files.getLastModifiedTime(exe).compareTo(newestInput) > 0) {
            return false;
        }
        Files.deleteIfExists(exe);
        Process p = new ProcessBuilder(COMPILER, "-std=gnu11", "-O1", "-Wall", "-Werror", "-o", exe.toString(),
                source.toString(), "-ladvapi32", "-lsynchronization").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(COMPILER + " did not finish in 120 s on " + source);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the Windows behaviour check " + name + " does not compile:\n" + output);
        }
        return true;
    }

    private static FileTime max(FileTime a, FileTime b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
