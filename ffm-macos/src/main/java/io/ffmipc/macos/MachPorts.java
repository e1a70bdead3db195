package io.ffmipc.macos;

import io.ffmipc.IpcPlatform;

import java.util.Optional;

/**
 * Mach ports, the macOS extension for messages between processes that the portable API does not
 * cover: receive rights made here, names published and found through the bootstrap server, typed
 * messages with send and receive timeouts, bodies inline or out of line, port rights carried in
 * messages (handle passing for Mach), and the sender's pid and euid from the kernel's audit trailer.
 * Reached from the platform: {@code MachPorts.of(Ipc.platform())}.
 *
 * <p>Every right it hands out is released when closed; {@link #portNameCount()} counts the names in
 * this task, so a test can show that none leaked.
 */
public interface MachPorts {
    /** The queue limit {@link #newPort()} gives (the kernel's default is 5: a sixth sender would wait). */
    int DEFAULT_QUEUE_LIMIT = 64;
    /** Bodies larger than this travel out of line (a virtual copy), not in the message. */
    int OUT_OF_LINE_THRESHOLD = 16 * 1024;

    /** This platform's Mach ports; empty on another OS. */
    static Optional<MachPorts> of(IpcPlatform platform) {
        return platform.extension(MachPorts.class);
    }

    /** A new receive right with {@link #DEFAULT_QUEUE_LIMIT}. */
    default MachReceivePort newPort() {
        return newPort(DEFAULT_QUEUE_LIMIT);
    }

    /** A new receive right queueing at most {@code queueLimit} messages (1 to MACH_PORT_QLIMIT_MAX, 1024). */
    MachReceivePort newPort(int queueLimit);

    /**
     * The receive right of the bootstrap service {@code serviceName} ({@code bootstrap_check_in}): a
     * service declared for this process, or, outside a sandbox, a new one for an undeclared name. It
     * lives until the right is closed.
     */
    MachReceivePort checkIn(String serviceName, int queueLimit);

    /**
     * A send right to the service {@code serviceName} ({@code bootstrap_look_up});
     * {@link io.ffmipc.NoSuchIpcObjectException} if none is registered.
     */
    MachSendPort lookUp(String serviceName);

    /** How many port names this task holds now ({@code mach_port_names}). */
    int portNameCount();
}
