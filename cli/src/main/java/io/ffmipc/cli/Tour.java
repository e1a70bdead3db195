package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MatrixTable;
import io.ffmipc.Support;
import io.ffmipc.spi.Durations;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The tour: creates each step's objects, starts the peer (this command again, as the hidden
 * {@code tour-peer}) so it can inherit handles, runs the steps in order, and removes every object
 * it created whatever happens. One line per step.
 */
final class Tour {
    private static final int KEY_ATTEMPTS = 8;

    private final IpcPlatform platform;
    private final TourSettings settings;
    private final String prefix;
    private final int keyBase;
    private final PrintWriter out;
    private ChildProcess peer;
    private boolean peerKilled;

    Tour(IpcPlatform platform, TourSettings settings, String prefix, int keyBase, PrintWriter out) {
        this.platform = platform;
        this.settings = settings;
        this.prefix = prefix;
        this.keyBase = keyBase;
        this.out = out;
    }

    IpcPlatform platform() {
        return platform;
    }

    TourSettings settings() {
        return settings;
    }

    /** A name for one of the tour's objects: the tour's prefix and {@code what}. */
    String name(String what) {
        return prefix + "-" + what;
    }

    /** Runs {@code create} with fresh System V keys under the tour's key base until one is not taken. */
    <T> T withFreshKey(IntFunction<T> create) {
        IpcObjectExistsException last = null;
        for (int i = 0; i < KEY_ATTEMPTS; i++) {
            int key = (keyBase & 0xfff00000) | ThreadLocalRandom.current().nextInt(1, 1 << 20);
            try {
                return create.apply(key);
            } catch (IpcObjectExistsException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Kills the peer and waits until it is gone (steps that show what the kernel does at process death). */
    void killPeer() {
        peer.kill();
        peerKilled = true;
        if (peer.waitFor(settings.timeout()).isEmpty()) {
            throw new TourTimeoutException("the peer (pid " + peer.pid() + ") was killed but did not exit within " + Durations.format(settings.timeout()));
        }
    }

    /** Runs these steps (in {@link TourSteps} order) under this heading; returns the exit code. */
    int run(String heading, List<TourStep> steps, boolean showMatrix) {
        CapabilityMatrix matrix = platform.matrix();
        out.println(heading + ": " + platform.os() + " " + System.getProperty("os.arch") + ", Java "
                + Runtime.version().feature() + ", pid " + ProcessHandle.current().pid() + "; " + settings.rounds()
                + " round trips per ping-pong after " + settings.warmup() + " warm-up, timeout " + Durations.format(settings.timeout()));
        if (showMatrix) {
            out.println();
            out.print(MatrixTable.plain(List.of(matrix)));
        }
        out.println();

        List<TourStep> runnable = new ArrayList<>();
        List<String> skipReasons = new ArrayList<>();
        for (TourStep s : steps) {
            String reason = s.skipReason(matrix);
            skipReasons.add(reason);
            if (reason == null) {
                runnable.add(s);
            }
        }
        boolean wholeTour = steps.size() == TourSteps.all().size();
        int width = steps.stream().mapToInt(s -> s.title().length()).max().orElse(20);
        List<TourStep> prepared = new ArrayList<>();
        Path peerLog = null;
        int ok = 0;
        int skipped = 0;
        boolean failed = false;
        try {
            if (!runnable.isEmpty()) {
                peerLog = Files.createTempFile("ffmipc-tour-peer-", ".log");
                ChildLauncher launcher = platform.launcher(peerCommand());
                List<String> stepArgs = new ArrayList<>();
                for (TourStep s : runnable) {
                    prepared.add(s);
                    stepArgs.add(s.id() + "=" + s.prepare(this, launcher));
                }
                launcher.arguments(stepArgs).stderr(peerLog);
                long t0 = System.nanoTime();
                peer = launcher.start();
                out.printf("peer started: pid %d (%.0f ms to spawn)%n", peer.pid(), (System.nanoTime() - t0) / 1e6);
            }
            for (int i = 0; i < steps.size(); i++) {
                TourStep s = steps.get(i);
                if (skipReasons.get(i) != null) {
                    line("skip", s.title(), width, skipReasons.get(i));
                    skipped++;
                    continue;
                }
                try {
                    line("ok", s.title(), width, s.run(this));
                    ok++;
                } catch (RuntimeException e) {
                    line("FAIL", s.title(), width, ErrorLine.of(e));
                    failed = true;
                    break;
                }
            }
            if (!failed && peer != null && !peerKilled) {
                OptionalInt code = peer.waitFor(settings.timeout());
                if (code.isEmpty() || code.getAsInt() != 0) {
                    out.println("FAIL  the peer " + (code.isEmpty() ? "did not exit within " + Durations.format(settings.timeout())
                            : "exited with code " + code.getAsInt()));
                    failed = true;
                }
            }
        } catch (RuntimeException | IOException e) {
            out.println("FAIL  setting up the tour: " + ErrorLine.of(e));
            failed = true;
        } finally {
            if (peer != null) {
                peer.close();
            }
            for (int i = prepared.size() - 1; i >= 0; i--) {
                try {
                    prepared.get(i).cleanup(this);
                } catch (RuntimeException e) {
                    out.println("FAIL  removing the objects of '" + prepared.get(i).title() + "': " + ErrorLine.of(e));
                    failed = true;
                }
            }
            if (failed && peerLog != null) {
                printPeerLog(peerLog);
            }
            deleteQuietly(peerLog);
        }
        if (wholeTour) {
            skipped += listRowsWithoutStep(matrix, steps);
        }
        out.println();
        out.println((failed ? "tour FAILED: " : "tour complete: ") + ok + " step(s) ok, " + skipped + " skipped; "
                + (prepared.isEmpty() ? "nothing was created" : "every object the tour created was removed"));
        out.flush();
        return failed ? ExitCodes.ERROR : ExitCodes.OK;
    }

    /** Matrix rows no step covers: unsupported ones as skipped with their reason, others as not toured. */
    private int listRowsWithoutStep(CapabilityMatrix matrix, List<TourStep> steps) {
        List<Capability> rows = rowsWithoutStep(steps);
        if (rows.isEmpty()) {
            return 0;
        }
        out.println();
        out.println("capabilities without a tour step:");
        int width = rows.stream().mapToInt(c -> c.title().length()).max().orElse(20);
        int skipped = 0;
        for (Capability c : rows) {
            Support s = matrix.get(c);
            if (s instanceof Support.Unsupported u) {
                line("skip", c.title(), width, u.reason());
                skipped++;
            } else {
                line("-", c.title(), width, "available (" + MatrixTable.detail(s) + "); the tour has no step for it yet");
            }
        }
        return skipped;
    }

    private static List<Capability> rowsWithoutStep(List<TourStep> steps) {
        Set<Capability> covered = new HashSet<>();
        steps.forEach(s -> covered.addAll(s.capabilities()));
        return java.util.Arrays.stream(Capability.values()).filter(c -> !covered.contains(c)).toList();
    }

    private void line(String status, String title, int width, String what) {
        out.printf("  %-4s  %-" + width + "s  %s%n", status, title, what);
        out.flush();
    }

    /** This command again, as the hidden {@code tour-peer}, on the running JVM and class path (steps may start a second one). */
    List<String> peerCommand() {
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Main.class.getName());
        cmd.add("tour-peer");
        cmd.addAll(settings.asPeerOptions());
        return cmd;
    }

    private void printPeerLog(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            if (!lines.isEmpty()) {
                out.println("peer output:");
                lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> out.println("  | " + l));
            }
        } catch (IOException e) {
            out.println("(cannot read the peer's output " + log + ": " + e.getMessage() + ")");
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover log in the temp directory is harmless
            }
        }
    }
}
