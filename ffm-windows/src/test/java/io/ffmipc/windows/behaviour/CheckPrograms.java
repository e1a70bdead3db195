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
 * at a time, skipping those newer than their source and the shared header. Parsing windows.h is
 * nearly all of a check's compile time, so the shared header is precompiled once and each check
 * includes it first ({@code -include}; {@code -Winvalid-pch} with {@code -Werror} makes sure the
 * precompiled form is the one used). A check that does not compile cleanly ({@code -Wall -Werror})
 * fails the suite with the compiler's words.
 */
final class CheckPrograms {
    static final String COMPILER = "x86_64-w64-mingw32-gcc";
    private static final String HEADER = "check.h";
    /** The flags every compile shares; the precompiled header is only used with the same ones. */
    private static final List<String> FLAGS = List.of("-std=gnu11", "-O1", "-Wall", "-Werror", "-Winvalid-pch");

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
        Path header = precompileHeader(sources, out.resolve("pch"));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Boolean>> builds = new ArrayList<>();
            for (String name : names(sources)) {
                builds.add(pool.submit(() -> buildOne(sources, out, header, name)));
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

    /** Copies the shared header into {@code dir} and precompiles it there; returns the copy, for {@code -include}. */
    private static Path precompileHeader(Path sources, Path dir) throws InterruptedException {
        Path source = sources.resolve(HEADER);
        Path copy = dir.resolve(HEADER);
        Path gch = dir.resolve(HEADER + ".gch");
        try {
            Files.createDirectories(dir);
            if (Files.exists(gch) && Files.getLastModifiedTime(gch).compareTo(Files.getLastModifiedTime(source)) > 0) {
                return copy;
            }
            Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(gch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(COMPILER));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-x", "c-header", "-o", gch.toString(), copy.toString()));
        compile(cmd, "the shared header " + HEADER);
        return copy;
    }

    private static boolean buildOne(Path sources, Path out, Path header, String name) throws IOException,
            InterruptedException {
        Path source = sources.resolve(name + ".c");
        Path exe = executable(out, name);
        FileTime newestInput = max(Files.getLastModifiedTime(source), Files.getLastModifiedTime(sources.resolve(HEADER)));
        if (Files.exists(exe) && Files.getLastModifiedTime(exe).compareTo(newestInput) > 0) {
            return false;
        }
        Files.deleteIfExists(exe);
        List<String> cmd = new ArrayList<>(List.of(COMPILER));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("-include", header.toString(), "-o", exe.toString(), source.toString(),
                "-ladvapi32", "-lsynchronization"));
        compile(cmd, "the Windows behaviour check " + name);
        return true;
    }

    private static void compile(List<String> cmd, String what) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(COMPILER + " did not finish in 120 s on " + what);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(what + " does not compile:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + COMPILER, e);
        }
    }

    private static FileTime max(FileTime a, FileTime b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
