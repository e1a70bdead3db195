package io.ffmipc.macos;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcNames;
import io.ffmipc.Limits;
import io.ffmipc.SystemV;
import io.ffmipc.core.PollingWaitSeam;
import io.ffmipc.core.SharedMemoryEvents;
import io.ffmipc.posix.PosixLauncherSeam;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.posix.PosixMessagePipeSeam;
import io.ffmipc.posix.PosixMutexSeams;
import io.ffmipc.posix.PosixProcessSeam;
import io.ffmipc.posix.PosixSemaphoreSeam;
import io.ffmipc.posix.PosixSharedMemorySeam;
import io.ffmipc.posix.PosixStreamPipeSeam;
import io.ffmipc.posix.PosixSystemV;
import io.ffmipc.posix.SystemVLimits;
import io.ffmipc.spi.EventSeam;
import io.ffmipc.spi.LauncherSeam;
import io.ffmipc.spi.MessagePipeSeam;
import io.ffmipc.spi.MessageQueueSeam;
import io.ffmipc.spi.MutexSeams;
import io.ffmipc.spi.ObjectLister;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.spi.SemaphoreSeam;
import io.ffmipc.spi.SharedMemorySeam;
import io.ffmipc.spi.StreamPipeSeam;
import io.ffmipc.spi.WaitSeam;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * macOS's seams: the POSIX layer of common over libSystem, with macOS's choices — named
 * semaphores whose timed waits poll, System V whose semaphore waits poll (no {@code semtimedop}),
 * message pipes on {@code SOCK_STREAM} with framing, no message-queue seam (the portable queue
 * stands in), unnamed events as a counter in shared memory ({@link SharedMemoryEvents}), and the
 * wait seam in force ({@link MacosWaits}). Extensions: {@link SystemV} and {@link MachPorts}.
 *
 * <p>Every part is built from the binding it is given, so the same wiring runs in the tests on Linux
 * over glibc answering like macOS; only the binding, the wait primitive and Mach differ there.
 */
final class MacosSeams implements PlatformSeams {
    /**
     * Where FIFOs and the socket files of message-pipe servers live: one directory that every user
     * and process sees (not {@code $TMPDIR}, which is per user and per login session), sticky and
     * writable by all, like the anchors ({@link io.ffmipc.macos.ffi.MacosPosix#anchorFile}). Not
     * {@code /tmp}: the daily clean-up removes what is there when unused for 3 days, which would take
     * an idle FIFO's name, or a long-running server's socket file (connect does not touch it) from
     * under it. Its 9 characters leave a message pipe name {@code 104 - 1 - 16 = 87} characters of
     * {@code sun_path}; a longer one is refused naming the limit.
     */
    static final Path PIPE_DIRECTORY = Path.of("/var/tmp");

    private final CapabilityMatrix matrix;
    private final PosixLibrary lib;
    private final long maxSharedMemory;
    private final ProcessSeam processes;
    private final SharedMemorySeam sharedMemory;
    private final SemaphoreSeam semaphores;
    private final PosixSystemV systemV;
    private final MutexSeams mutexes;
    private final Optional<WaitSeam> waitSeam;
    private final EventSeam events;
    private final StreamPipeSeam streamPipes;
    private final MessagePipeSeam messagePipes;
    private final LauncherSeam launcher;
    private final ObjectLister objects;
    private final Supplier<Optional<MachPorts>> machPorts;

    /**
     * @param matrix          the matrix in force (its wait rows name {@code waitSeam})
     * @param waitSeam        os_sync or the opted-in ulock calls; empty: the core polls
     * @param maxSharedMemory the largest POSIX shared memory object
     * @param systemVObjects  lists the System V objects ({@link IpcsListing} on macOS)
     * @param machPorts       the Mach extension, made when first asked for (empty off macOS)
     */
    MacosSeams(CapabilityMatrix matrix, PosixLibrary lib, Optional<WaitSeam> waitSeam, SystemVLimits systemVLimits,
               long maxSharedMemory, ObjectLister systemVObjects, Supplier<Optional<MachPorts>> machPorts) {
        this.matrix = matrix;
        this.lib = lib;
        this.maxSharedMemory = maxSharedMemory;
        this.processes = new PosixProcessSeam(lib);
        this.sharedMemory = new PosixSharedMemorySeam(lib, maxSharedMemory);
        this.semaphores = new PosixSemaphoreSeam(lib);
        this.systemV = new PosixSystemV(lib, processes, systemVLimits);
        this.mutexes = systemV.mutexes();
        this.waitSeam = waitSeam;
        this.events = new SharedMemoryEvents(sharedMemory, waitSeam.orElse(PollingWaitSeam.INSTANCE));
        this.streamPipes = new PosixStreamPipeSeam(lib, PIPE_DIRECTORY);
        this.messagePipes = new PosixMessagePipeSeam(lib, PosixMessagePipeSeam.Framing.STREAM, PIPE_DIRECTORY);
        this.launcher = new PosixLauncherSeam(lib);
        this.objects = new MacosObjectLister(lib, PIPE_DIRECTORY, Path.of(PosixMutexSeams.anchorFile(lib, "any")).getParent(),
                systemVObjects);
        this.machPorts = machPorts;
    }

    @Override
    public CapabilityMatrix matrix() {
        return matrix;
    }

    /**
     * Names: the portable limit (longer POSIX names take their 31-character short form). Semaphores:
     * SEM_VALUE_MAX (32767). Shared memory: see {@code MacosProvider}.
     */
    @Override
    public Limits limits() {
        return new Limits(IpcNames.MAX_LENGTH, lib.constant("SEM_VALUE_MAX"), maxSharedMemory);
    }

    @Override
    public ProcessSeam processes() {
        return processes;
    }

    @Override
    public SharedMemorySeam sharedMemory() {
        return sharedMemory;
    }

    @Override
    public SemaphoreSeam semaphores() {
        return semaphores;
    }

    /** None: macOS has no POSIX message queues; the portable shared-memory queue stands in. */
    @Override
    public Optional<MessageQueueSeam> messageQueues() {
        return Optional.empty();
    }

    @Override
    public MutexSeams mutexes() {
        return mutexes;
    }

    @Override
    public Optional<WaitSeam> waitSeam() {
        return waitSeam;
    }

    @Override
    public EventSeam events() {
        return events;
    }

    @Override
    public StreamPipeSeam streamPipes() {
        return streamPipes;
    }

    @Override
    public MessagePipeSeam messagePipes() {
        return messagePipes;
    }

    @Override
    public LauncherSeam launcher() {
        return launcher;
    }

    @Override
    public ObjectLister objects() {
        return objects;
    }

    /** {@link SystemV} (keys, semaphore sets, typed message queues) and {@link MachPorts}. */
    @Override
    public <T> Optional<T> extension(Class<T> type) {
        if (type == SystemV.class) {
            return Optional.of(type.cast(systemV));
        }
        if (type == MachPorts.class) {
            return machPorts.get().map(type::cast);
        }
        return Optional.empty();
    }
}
