package io.ffmipc.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The image the container tests run their JVMs in, built here because no image registry is
 * reachable: {@code FROM scratch} plus a root file system assembled from this machine —
 * a {@code jlink}ed runtime of the JDK running the tests, the shared libraries {@code ldd} names for
 * it with the dynamic loader, an {@code /etc/passwd} with root and an unprivileged user, and the
 * test class path (the project's classes and jars). Two layers, so that the runtime layer (stable)
 * is reused from Docker's build cache and only the class path layer is rebuilt when the code changes.
 *
 * <p>Built once per test JVM through Testcontainers' image-from-Dockerfile support, the Dockerfile
 * given as a string. The image is kept (so the next run's build is a cache hit); the previous
 * builds it replaced are removed.
 */
final class TestJvmImage {
    /** Where the runtime sits in the image. */
    static final String JAVA = "/opt/jdk/bin/java";
    /** Where the test class path is in the image. */
    static final String CLASS_PATH_ROOT = "/app/cp";
    /** The unprivileged user of {@code /etc/passwd} in the image. */
    static final int OTHER_UID = 1000;
    private static final String NAME = "ffmipc-test-jvm";
    private static final String LABEL = "io.ffmipc.test-image";
    private static final Pattern LDD_PATH = Pattern.compile("(/[^\\s()]+)");

    private static String image;
    private static List<String> classPath;
    private static Path classPathCopy;
    private static long buildMillis;

    private TestJvmImage() {
    }

    /** The image's name, built on first use. */
    static synchronized String name() {
        if (image == null) {
            build();
        }
        return image;
    }

    /** The class path inside the image (the test class path, copied). */
    static synchronized String classPath() {
        name();
        return String.join(":", classPath);
    }

    /** The copy of the class path on this machine (what the image has at {@link #CLASS_PATH_ROOT}). */
    static synchronized Path classPathDirectory() {
        name();
        return classPathCopy;
    }

    /** How long the build took in this JVM (for the report of the time the container tests add). */
    static synchronized long buildMillis() {
        return buildMillis;
    }

    private static void build() {
        long start = System.nanoTime();
        Path work = Path.of("target", "container-image").toAbsolutePath();
        try {
            Path base = runtimeLayer(work);
            Path app = work.resolve("app");
            deleteTree(app);
            classPathCopy = app.resolve(CLASS_PATH_ROOT.substring(1));
            classPath = copyClassPath(classPathCopy);
            String dockerfile = "FROM scratch\nCOPY base/ /\nCOPY app/ /\n";
            String built = new ImageFromDockerfile(NAME + ":latest", false)
                    .withFileFromString("Dockerfile", dockerfile)
                    .withFileFromPath("base", base)
                    .withFileFromPath("app", app)
                    .withBuildImageCmdModifier(cmd -> cmd.withLabels(Map.of(LABEL, "jvm")))
                    .get(5, TimeUnit.MINUTES);
            removeReplacedBuilds();
            image = built;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test image " + NAME + " from " + work + ": " + e, e);
        }
        buildMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("container test image " + image + " built in " + buildMillis + " ms");
    }

    /**
     * The runtime layer's root: {@code /opt/jdk} (jlink of java.base from the running JDK), the
     * libraries and loader it needs, {@code /etc/passwd} and {@code /etc/group}, {@code /tmp}. Made
     * once per JDK and kept under target/.
     */
    private static Path runtimeLayer(Path work) throws IOException, InterruptedException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        String key = Runtime.version().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Path base = work.resolve("base-" + key);
        Path done = work.resolve("base-" + key + ".done");
        if (Files.exists(done)) {
            return base;
        }
        deleteTree(base);
        Files.createDirectories(base.resolve("opt"));
        Path jdk = base.resolve("opt").resolve("jdk");
        run(List.of(javaHome.resolve("bin").resolve("jlink").toString(), "--add-modules", "java.base",
                "--strip-debug", "--no-header-files", "--no-man-pages", "--generate-cds-archive",
                "--output", jdk.toString()));
        // The CDS archive speeds every container JVM's start; its variant for heaps over 32 GiB is unused.
        Files.deleteIfExists(jdk.resolve("lib").resolve("server").resolve("classes_nocoops.jsa"));
        for (String lib : librariesOf(jdk)) {
            Path target = base.resolve(lib.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(Path.of(lib), target, StandardCopyOption.REPLACE_EXISTING); // follows links: the file itself
        }
        Path etc = Files.createDirectories(base.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "other:x:" + OTHER_UID + ":" + OTHER_UID + ":other:/tmp:/sbin/nologin\n", StandardCharsets.US_ASCII);
        Files.writeString(etc.resolve("group"), "root:x:0:\nother:x:" + OTHER_UID + ":\n", StandardCharsets.US_ASCII);
        Files.writeString(base.resolve(".ffmipc-test-image"), "the container test image (io.ffmipc.containers.TestJvmImage)\n");
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createFile(done);
        return base;
    }

    /** Every library (and the loader) {@code ldd} names for the runtime's launcher and libraries, outside the runtime. */
    private static TreeSet<String> librariesOf(Path jdk) throws IOException, InterruptedException {
        List<Path> objects = new ArrayList<>();
        objects.add(jdk.resolve("bin").resolve("java"));
        try (Stream<Path> s = Files.walk(jdk.resolve("lib"))) {
            s.filter(p -> p.toString().endsWith(".so")).forEach(objects::add);
        }
        TreeSet<String> libs = new TreeSet<>();
        for (Path o : objects) {
            for (String line : run(List.of("ldd", o.toString())).split("\n")) {
                if (line.contains("not found") && !line.contains("libjvm.so")) {
                    throw new IllegalStateException("ldd: " + o + " needs a library this machine lacks: " + line.trim());
                }
                Matcher m = LDD_PATH.matcher(line);
                while (m.find()) {
                    String p = m.group(1);
                    if (!p.startsWith(jdk.toString()) && Files.isRegularFile(Path.of(p))) {
                        libs.add(p);
                    }
                }
            }
        }
        return libs;
    }

    /**
     * Copies the test class path entries the container's JVMs use into {@code dir}: the project's own
     * (classes, test classes, the modules' jars) and JUnit's (the contract children share classes
     * with the contract tests); not Testcontainers and its dependencies, which only the host side
     * uses. Returns their paths inside the image.
     */
    private static List<String> copyClassPath(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path project = Path.of("").toAbsolutePath().getParent();
        List<String> inImage = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path from = Path.of(entry).toAbsolutePath();
            String p = from.toString().replace('\\', '/');
            // The project's modules come from the reactor (under the project) or, when this module is
            // built alone, from the local repository (under io/ffmipc/).
            boolean used = from.startsWith(project) || p.contains("/io/ffmipc/") || p.contains("/org/junit/") || p.contains("/org/opentest4j/")
                    || p.contains("/org/apiguardian/");
            if (!Files.exists(from) || !used) {
                continue;
            }
            String name = (i++) + "-" + from.getFileName();
            Path to = dir.resolve(name);
            if (Files.isDirectory(from)) {
                copyTree(from, to);
            } else {
                Files.copy(from, to);
            }
            inImage.add(CLASS_PATH_ROOT + "/" + name);
        }
        return inImage;
    }

    /** Images of earlier builds that this one replaced (now untagged), so repeated runs do not pile them up. */
    private static void removeReplacedBuilds() {
        DockerClient docker = DockerClientFactory.instance().client();
        List<Image> old = docker.listImagesCmd().withDanglingFilter(true).withLabelFilter(Map.of(LABEL, "jvm")).exec();
        for (Image i : old) {
            try {
                docker.removeImageCmd(i.getId()).withForce(true).exec();
            } catch (RuntimeException inUse) {
                // used by a container of another test run at this moment: the next run removes it
            }
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
