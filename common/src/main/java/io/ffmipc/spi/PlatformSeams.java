package io.ffmipc.spi;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.Limits;

import java.util.Optional;

/**
 * Everything a provider gives the portable core: its matrix and limits, and the OS's primitives as
 * seams whose operations are each one attempt. The core ({@code io.ffmipc.core.PortablePlatform})
 * builds the whole {@link io.ffmipc.IpcPlatform} on them, so validation, open modes, owner checks,
 * deadlines, interrupts, close guards and messages exist once, for every OS.
 *
 * <p>A seam a provider cannot supply is absent ({@link Optional#empty()}) and the matrix says so;
 * the core then uses its portable replacement where it has one (the shared-memory message queue
 * for {@link #messageQueues()}, polling for {@link #waitSeam()}) or throws
 * {@link io.ffmipc.UnsupportedCapabilityException} naming the row.
 */
public interface PlatformSeams {

    /** What this OS offers, as the matrix names it. */
    CapabilityMatrix matrix();

    /** The OS limits callers may need. */
    Limits limits();

    /** Process liveness and identity. */
    ProcessSeam processes();

    /** Named, unnamed and file-backed shared memory. */
    SharedMemorySeam sharedMemory();

    /** Named counting semaphores. */
    SemaphoreSeam semaphores();

    /** The OS's own message queue; empty where the portable shared-memory queue stands in. */
    Optional<MessageQueueSeam> messageQueues();

    /** The robust mutex's seams. */
    MutexSeams mutexes();

    /** The park/wake seam on shared words; empty where waits must poll. */
    Optional<WaitSeam> waitSeam();

    /** Unnamed events handed to other processes. */
    EventSeam events();

    /** Named byte-stream pipes. */
    StreamPipeSeam streamPipes();

    /** Message pipes: servers, clients, peer identity and handle passing. */
    MessagePipeSeam messagePipes();

    /** Starting a child that inherits handles. */
    LauncherSeam launcher();

    /** Listing the IPC objects of the machine. */
    ObjectLister objects();

    /**
     * Presence in shared memory objects, by which the channel and the portable queue tell whether a
     * peer's handle lives in any pid namespace; empty where the OS has none (the core then judges
     * by pid and start time, see {@link PresenceSeam}). Default: empty.
     */
    default Optional<PresenceSeam> presence() {
        return Optional.empty();
    }

    /**
     * An OS-specific extension this provider offers ({@code io.ffmipc.windows.Mailslots}, Mach
     * ports), found by its type; empty where it has none.
     */
    default <T> Optional<T> extension(Class<T> type) {
        return Optional.empty();
    }
}
