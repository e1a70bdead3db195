package io.ffmipc.containers;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Whether a Docker engine answers, for the container tests. None answering skips them with the
 * reason ({@code ci/start-docker} starts one where it can, as root); an engine the {@code docker}
 * command reaches but Testcontainers cannot use fails them, since that is a set-up fault to fix, not
 * a machine without Docker.
 */
final class DockerEngine {
    private static volatile String unavailable;
    private static volatile boolean checked;

    private DockerEngine() {
    }

    /** Skips the calling test (class) when no engine answers. */
    static void assumeAvailable() {
        if (!checked) {
            check();
        }
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    private static synchronized void check() {
        if (checked) {
            return;
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            if (cliAnswers()) {
                throw new AssertionError("the docker command reaches an engine but Testcontainers cannot use it; "
                        + "see the Testcontainers log above (environment: TESTCONTAINERS_* in containers/pom.xml)");
            }
            unavailable = "no Docker engine answers on this machine (ci/start-docker starts dockerd as root; "
                    + "without root or dockerd the container tests cannot run)";
        }
        checked = true;
    }

    private static boolean cliAnswers() {
        try {
            Process p = new ProcessBuilder("docker", "version", "--format", "{{.Server.Version}}")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no docker command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
