package io.ffmipc.containers;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

import java.util.Map;
import java.util.UUID;

/**
 * A named Docker volume on tmpfs (a memory file system like {@code /dev/shm}) for containers to
 * share: mounted at {@code /dev/shm} it gives them one shared memory directory while each keeps its
 * own IPC namespace. {@link #close} removes it with everything in it; use try-with-resources.
 */
final class DockerVolume implements AutoCloseable {
    private final String name;

    private DockerVolume(String name) {
        this.name = name;
    }

    static DockerVolume tmpfs(String what) {
        String name = "ffmipc-t-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
        docker().createVolumeCmd().withName(name).withDriver("local")
                .withDriverOpts(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=64m,mode=1777"))
                .exec();
        return new DockerVolume(name);
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        docker().removeVolumeCmd(name).exec();
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}
