package io.ffmipc.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fails a test class that leaves an IPC object behind: any entry named with this run's
 * {@linkplain TestNames#runPrefix() prefix} in {@code /dev/shm} or {@code /dev/mqueue}, a FIFO or
 * socket file so named in {@code /tmp}, an abstract Unix socket so named still bound, or a System V
 * object whose key this JVM {@linkplain TestNames#uniqueSysVKey() handed out}. Only this run's
 * objects count, so test runs going on side by side on one machine do not fail each other; the
 * global sweep after the whole suite ({@code ci/test}) catches anything else in the tests' ranges.
 * Register with {@code @ExtendWith(LeakCheck.class)}.
 */
public final class LeakCheck implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> left = leftovers();
        if (!left.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left IPC objects behind: " + left);
        }
    }

    /** Test objects that exist now. */
    public static List<String> leftovers() {
        List<String> found = new ArrayList<>();
        for (String dir : List.of("/dev/shm", "/dev/mqueue")) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.map(p -> p.getFileName().toString())
                        .filter(n -> n.contains(TestNames.runPrefix()))
                        .forEach(n -> found.add(dir + "/" + n));
            } catch (IOException e) {
                throw new AssertionError("cannot list " + dir, e);
            }
        }
        pipesLeft(found);
        for (String table : List.of("shm", "sem", "msg")) {
            Path p = Path.of("/proc/sysvipc", table);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(p);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    long key = Long.parseLong(f[0]);
                    if (TestNames.issuedHere(key)) {
                        found.add("sysv " + table + " key 0x" + Long.toHexString(key) + " id " + f[1]);
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + p, e);
            }
        }
        return found;
    }

    /** FIFOs and socket files in /tmp, and bound abstract sockets ('@' in /proc/net/unix), named for tests. */
    private static void pipesLeft(List<String> found) {
        Path tmp = Path.of("/tmp");
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> s = Files.list(tmp)) {
                s.filter(p -> p.getFileName().toString().contains(TestNames.runPrefix()))
                        .filter(LeakCheck::isFifoOrSocket)
                        .forEach(p -> found.add(p.toString()));
            } catch (IOException e) {
                throw new AssertionError("cannot list " + tmp, e);
            }
        }
        Path unix = Path.of("/proc/net/unix");
        if (Files.isReadable(unix)) {
            try {
                for (String line : Files.readAllLines(unix)) {
                    String[] f = line.trim().split("\\s+");
                    String path = f[f.length - 1];
                    if (path.startsWith("@") && path.contains(TestNames.runPrefix())) {
                        found.add("abstract socket " + path);
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + unix, e);
            }
        }
    }

    private static boolean isFifoOrSocket(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException gone) {
            return false;
        }
    }
}
