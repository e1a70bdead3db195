package io.ffmipc.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM in a container of {@link TestJvmImage}, running one main class of the test class path: the
 * container counterpart of {@code io.ffmipc.testkit.ChildJvm}. No network ({@code --network none});
 * the IPC and pid namespaces, mounts and user are the test's choice. Use it in try-with-resources:
 * {@link #close} removes the container, whatever happened.
 */
final class ContainerJvm implements AutoCloseable {
    private static final String HOST_USER = io.ffmipc.Ipc.platform().currentProcess().uid() + ":"
            + io.ffmipc.Ipc.platform().currentProcess().gid();
    private final GenericContainer<?> container;
    private final String mainClass;

    private ContainerJvm(GenericContainer<?> container, String mainClass) {
        this.container = container;
        this.mainClass = mainClass;
    }

    /** A container running {@code mainClass.main(args)}; configure, then {@link Builder#start()}. */
    static Builder of(Class<?> mainClass, String... args) {
        return new Builder(mainClass, args);
    }

    static final class Builder {
        private final Class<?> mainClass;
        private final String[] args;
        private String ipcMode;
        private String pidMode;
        /**
         * The host side's own user by default, so that the container is "the same user in another
         * container" (as root here; as the runner's user on GitHub, where root in a container lacks
         * CAP_IPC_OWNER and would be refused the runner's owner-only System V objects).
         */
        private String user = HOST_USER;
        private String image;
        private String java = TestJvmImage.JAVA;
        private final List<Bind> binds = new ArrayList<>();

        private Builder(Class<?> mainClass, String[] args) {
            this.mainClass = mainClass;
            this.args = args;
        }

        /** {@code --ipc}: {@code host}, {@code shareable}, {@code private}, {@code container:<id>}. */
        Builder ipc(String mode) {
            this.ipcMode = mode;
            return this;
        }

        /** {@code --pid}: {@code host} or {@code container:<id>}; default: a pid namespace of its own. */
        Builder pid(String mode) {
            this.pidMode = mode;
            return this;
        }

        /** {@code --user uid:gid} (default: the host side's). */
        Builder user(int uid, int gid) {
            this.user = uid + ":" + gid;
            return this;
        }

        /**
         * Runs on another image that has a JDK 25 at {@code java} (instead of {@link TestJvmImage});
         * the test class path is mounted read-only where {@link TestJvmImage#classPath()} expects it.
         */
        Builder onImage(String image, String java) {
            this.image = image;
            this.java = java;
            binds.add(new Bind(TestJvmImage.classPathDirectory().toString(), new Volume(TestJvmImage.CLASS_PATH_ROOT),
                    com.github.dockerjava.api.model.AccessMode.ro));
            return this;
        }

        /** {@code -v source:path}: a host path or a named volume at {@code path}. */
        Builder mount(String source, String path) {
            binds.add(new Bind(source, new Volume(path)));
            return this;
        }

        ContainerJvm start() {
            List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                    // no hsperfdata file in /tmp (which some tests share with the host), quick start
                    "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xss1m",
                    // the image has no locale: print the library's messages (em dashes) as UTF-8, not '?'
                    "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                    "-cp", TestJvmImage.classPath(), mainClass.getName()));
            cmd.addAll(List.of(args));
            GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image != null ? image : TestJvmImage.name()))
                    .withCommand(cmd.toArray(String[]::new))
                    .withNetworkMode("none")
                    .withStartupCheckStrategy(new StartedOrExited())
                    .withStartupTimeout(Duration.ofSeconds(60))
                    .withCreateContainerCmdModifier(create -> {
                        HostConfig host = create.getHostConfig();
                        if (ipcMode != null) {
                            host.withIpcMode(ipcMode);
                        }
                        if (pidMode != null) {
                            host.withPidMode(pidMode);
                        }
                        if (!binds.isEmpty()) {
                            host.withBinds(binds);
                        }
                        create.withUser(user);
                    });
            ContainerJvm jvm = new ContainerJvm(c, mainClass.getSimpleName());
            try {
                c.start();
            } catch (RuntimeException e) {
                jvm.close();
                throw e;
            }
            return jvm;
        }
    }

    /** The container's id, for {@code --ipc=container:<id>}. */
    String id() {
        return container.getContainerId();
    }

    /** The JVM's pid as the host sees it (the container's main process). */
    long hostPid() {
        Long pid = inspect().getState().getPidLong();
        return pid == null ? 0 : pid;
    }

    /** Everything the JVM printed so far (stdout and stderr). */
    String output() {
        return container.getLogs();
    }

    /** Waits until the JVM printed {@code text}; fails with its output if it exits first or the time is up. */
    void awaitOutput(String text, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            // Whether it runs is asked BEFORE the output is read: a JVM that printed the text and
            // exited between a look at its output and the question is then judged by its whole output.
            boolean wasRunning = running();
            if (output().contains(text)) {
                return;
            }
            if (!wasRunning || System.nanoTime() > end) {
                throw new AssertionError(mainClass + " in container never printed '" + text + "'"
                        + (wasRunning ? "" : " (exited with " + exitCode() + ")") + "; its output:\n" + output());
            }
            Lead.sleep(20);
        }
    }

    /** Waits for the JVM to exit; fails with its output if it has not within {@code timeout}. Returns the exit code. */
    int waitFor(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (running()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(mainClass + " in container did not finish within " + timeout + "; its output:\n"
                        + output());
            }
            Lead.sleep(20);
        }
        return exitCode();
    }

    /** Waits like {@link #waitFor} and fails with the output unless the exit code is 0. */
    void assertSuccess(Duration timeout) {
        int code = waitFor(timeout);
        if (code != 0) {
            throw new AssertionError(mainClass + " in container exited with " + code + "; its output:\n" + output());
        }
    }

    /** {@code docker kill}: SIGKILL to the container's main process, and waits until the container is down. */
    void kill() {
        docker().killContainerCmd(id()).withSignal("KILL").exec();
        waitFor(Duration.ofSeconds(20));
    }

    boolean running() {
        return Boolean.TRUE.equals(inspect().getState().getRunning());
    }

    private int exitCode() {
        Long code = inspect().getState().getExitCodeLong();
        return code == null ? -1 : code.intValue();
    }

    private InspectContainerResponse inspect() {
        return docker().inspectContainerCmd(id()).exec();
    }

    private DockerClient docker() {
        return container.getDockerClient();
    }

    /** Removes the container (killing it if it runs). */
    @Override
    public void close() {
        container.stop();
    }

    /**
     * Started means running or already exited: a short-lived main may be done before the first look,
     * and its exit code is the test's to judge ({@link #waitFor}), not a start-up failure.
     */
    private static final class StartedOrExited extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient docker, String containerId) {
            InspectContainerResponse.ContainerState state = getCurrentState(docker, containerId);
            String status = state.getStatus();
            return "running".equals(status) || "exited".equals(status) || "dead".equals(status)
                    ? StartupStatus.SUCCESSFUL : StartupStatus.NOT_YET_KNOWN;
        }
    }
}
