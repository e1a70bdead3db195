package io.ffmipc.testkit.abi;

import io.ffmipc.ffi.Target;
import io.ffmipc.testkit.RequiredTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles {@link AbiCheckSource} files with each target's C compiler (Debian packages, installed
 * by {@code ci/install-deps}). A missing compiler skips the test on a developer machine, naming the
 * package to install, and fails it under CI on Linux (the environment variable {@code CI} is set).
 */
public enum AbiCompiler {
    LINUX_X86_64(Target.LINUX_X86_64, "gcc", "gcc"),
    LINUX_AARCH64(Target.LINUX_AARCH64, "aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu libc6-dev-arm64-cross"),
    LINUX_X86_64_MUSL(Target.LINUX_X86_64_MUSL, "musl-gcc", "musl-tools musl-dev"),
    WINDOWS_X64(Target.WINDOWS_X64, "x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64");

    private static final Pattern DIAGNOSTIC = Pattern.compile("^[^:\\s]+\\.c:(\\d+):(?:\\d+:)?\\s*(?:fatal )?error:.*$");

    private static final Pattern NOTE = Pattern.compile("^[^:\\s]+\\.c:(\\d+):(?:\\d+:)?\\s*note:.*$");

    private final Target target;
    private final String command;
    private final String packages;

    AbiCompiler(Target target, String command, String packages) {
        this.target = target;
        this.command = command;
        this.packages = packages;
    }

    public Target target() {
        return target;
    }

    public String command() {
        return command;
    }

    /** The compiler for a target, or null for targets without one (macOS: checked by the facts table). */
    public static AbiCompiler forTarget(Target t) {
        for (AbiCompiler c : values()) {
            if (c.target == t) {
                return c;
            }
        }
        return null;
    }

    /** Whether the compiler is on the PATH. */
    public boolean installed() {
        return RequiredTool.onPath(command);
    }

    /** Skips the calling test if the compiler is missing on a developer machine or a non-Linux CI leg; fails under CI on Linux. */
    public void requireInstalled() {
        // The compilers are Debian packages: the Linux leg of CI must have them; the Windows and
        // macOS legs skip (they run the tests of their own OS, and the macOS facts-table check).
        RequiredTool.require(command, "the ABI check for " + target.id(), packages);
    }

    /**
     * Extra include arguments. Debian's musl-gcc sees only musl's own headers, while the Linux
     * bindings also include the kernel's UAPI headers ({@code linux/futex.h}); on a musl system
     * those come from a package of their own (Alpine: linux-headers). Here the same kernel headers
     * (Debian: linux-libc-dev) are offered alone — {@code linux/}, {@code asm/}, {@code asm-generic/},
     * never glibc's — through a directory of links, so nothing of glibc leaks into the musl check.
     */
    private List<String> includeArguments(Path dir) throws IOException {
        if (this != LINUX_X86_64_MUSL) {
            return List.of();
        }
        Path kernel = dir.resolve("musl-kernel-headers");
        Files.createDirectories(kernel);
        for (String[] link : new String[][] {{"linux", "/usr/include/linux"},
                {"asm", "/usr/include/x86_64-linux-gnu/asm"}, {"asm-generic", "/usr/include/asm-generic"}}) {
            Path from = kernel.resolve(link[0]);
            Path to = Path.of(link[1]);
            if (!Files.isDirectory(to)) {
                throw new AssertionError("the musl ABI check needs the kernel headers at " + to
                        + ": install the Debian package linux-libc-dev (ci/install-deps does)");
            }
            if (!Files.exists(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(from, to);
            }
        }
        return List.of("-isystem", kernel.toString());
    }

    /** What one compile run reported. */
    public record Result(int exitCode, String output, List<String> failedFacts) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Compiles the check with {@code -fsyntax-only -Werror}; the result names the facts the errors are on. */
    public Result compile(AbiCheckSource.Check check, Path dir) {
        if (check.target() != target) {
            throw new IllegalArgumentException(check.target() + " check given to the " + target + " compiler");
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("abi-check-" + target.id() + ".c");
            Files.writeString(file, check.text(), StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(command, "-std=gnu11", "-fsyntax-only", "-Werror", "-Wall",
                    "-fmax-errors=200"));
            cmd.addAll(includeArguments(dir));
            cmd.add(file.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 120 s on " + file);
            }
            return new Result(p.exitValue(), out, failedFacts(check, out));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /**
     * The binding fields the compiler's errors are on. An error inside a helper macro is reported at
     * the macro's definition; the "in expansion of macro" note that follows gives the fact's line.
     */
    static List<String> failedFacts(AbiCheckSource.Check check, String compilerOutput) {
        Set<String> failed = new LinkedHashSet<>();
        String pending = null;
        for (String raw : compilerOutput.split("\n")) {
            String line = raw.trim();
            Matcher m = DIAGNOSTIC.matcher(line);
            if (m.matches()) {
                if (pending != null) {
                    failed.add(pending);
                }
                String owner = check.ownerOfLine(Integer.parseInt(m.group(1)));
                if (owner != null) {
                    failed.add(owner);
                    pending = null;
                } else {
                    pending = "(headers: " + line + ")";
                }
                continue;
            }
            Matcher n = NOTE.matcher(line);
            if (pending != null && n.matches()) {
                String owner = check.ownerOfLine(Integer.parseInt(n.group(1)));
                if (owner != null) {
                    failed.add(owner);
                    pending = null;
                }
            }
        }
        if (pending != null) {
            failed.add(pending);
        }
        return new ArrayList<>(failed);
    }

    /**
     * Generates, compiles and fails with the compiler's messages and the facts they name; returns the
     * number of facts checked.
     */
    public int check(List<AbiDeclarations.Binding> bindings, Path dir) {
        requireInstalled();
        AbiCheckSource.Check check = AbiCheckSource.generate(target, bindings);
        Result r = compile(check, dir);
        if (!r.ok()) {
            throw new AssertionError("ABI check failed on " + target.id() + " (" + command + "); wrong facts: "
                    + r.failedFacts() + "\n" + r.output());
        }
        System.out.println("ABI check " + target.id() + " (" + command + "): " + check.factCount() + " facts checked from "
                + bindings.stream().filter(b -> b.headersFor(target) != null).map(b -> b.type().getSimpleName()).toList());
        return check.factCount();
    }
}
