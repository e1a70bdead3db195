package io.ffmipc.linux;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import io.ffmipc.Limits;
import io.ffmipc.SystemV;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixLauncherSeam;
import io.ffmipc.posix.PosixMessageQueueSeam;
import io.ffmipc.posix.PosixMessagePipeSeam;
import io.ffmipc.posix.PosixPresenceSeam;
import io.ffmipc.posix.PosixProcessSeam;
import io.ffmipc.posix.PosixSemaphoreSeam;
import io.ffmipc.posix.PosixSharedMemorySeam;
import io.ffmipc.posix.PosixSystemV;
import io.ffmipc.posix.PosixStreamPipeSeam;
import io.ffmipc.spi.EventSeam;
import io.ffmipc.spi.LauncherSeam;
import io.ffmipc.spi.MessagePipeSeam;
import io.ffmipc.spi.MessageQueueSeam;
import io.ffmipc.spi.MutexSeams;
import io.ffmipc.spi.ObjectLister;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.spi.PresenceSeam;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.spi.SemaphoreSeam;
import io.ffmipc.spi.SharedMemorySeam;
import io.ffmipc.spi.StreamPipeSeam;
import io.ffmipc.spi.WaitSeam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Linux's seams: the POSIX layer of common over glibc ({@link LibC}), plus what only Linux has —
 * futexes for the wait seam, eventfd, memfd, {@code SOCK_SEQPACKET} and POSIX message queues.
 */
final class LinuxSeams implements PlatformSeams {
    private static final Path DEV_SHM = Path.of("/dev/shm");
    private final CapabilityMatrix matrix;
    private final ProcessSeam processes = new PosixProcessSeam(LibC.INSTANCE);
    private final SharedMemorySeam sharedMemory = new PosixSharedMemorySeam(LibC.INSTANCE, devShmSize());
    private final LauncherSeam launcher = new PosixLauncherSeam(LibC.INSTANCE);
    private final PosixSystemV systemV;
    private final MutexSeams mutexes;
    private final SemaphoreSeam semaphores = new PosixSemaphoreSeam(LibC.INSTANCE);
    private final MessageQueueSeam messageQueues = new PosixMessageQueueSeam(LibC.INSTANCE, MqueueLimits::refused);
    private final EventSeam events = new EventFdSeam();
    /** Where FIFOs live: the same directory for every process, so names meet. */
    static final Path PIPE_DIRECTORY = Path.of("/tmp");
    private final StreamPipeSeam streamPipes = new PosixStreamPipeSeam(LibC.INSTANCE, PIPE_DIRECTORY);
    private final MessagePipeSeam messagePipes;
    private Optional<PresenceSeam> presence;

    LinuxSeams(CapabilityMatrix matrix) {
        this(matrix, systemV(), seqPackets());
    }

    /** With this System V (tests: {@link PosixSystemV#pollingSemaphores}, the waits macOS has). */
    LinuxSeams(CapabilityMatrix matrix, PosixSystemV systemV) {
        this(matrix, systemV, seqPackets());
    }

    /** With other message pipes: for the test that runs the contract on the stream framing macOS needs. */
    LinuxSeams(CapabilityMatrix matrix, MessagePipeSeam messagePipes) {
        this(matrix, systemV(), messagePipes);
    }

    private LinuxSeams(CapabilityMatrix matrix, PosixSystemV systemV, MessagePipeSeam messagePipes) {
        this.matrix = matrix;
        this.systemV = systemV;
        this.mutexes = systemV.mutexes();
        this.messagePipes = messagePipes;
    }

    private static PosixSystemV systemV() {
        return new PosixSystemV(LibC.INSTANCE, new PosixProcessSeam(LibC.INSTANCE), new LinuxSysVLimits());
    }

    private static MessagePipeSeam seqPackets() {
        return new PosixMessagePipeSeam(LibC.INSTANCE, PosixMessagePipeSeam.Framing.SEQPACKET, PIPE_DIRECTORY);
    }

    /** POSIX shared memory objects are files in the tmpfs at /dev/shm, so its size bounds any one object. */
    static long devShmSize() {
        try {
            return Files.getFileStore(DEV_SHM).getTotalSpace();
        } catch (IOException e) {
            throw new IpcException("read /dev/shm size", DEV_SHM.toString(), null, e.toString());
        }
    }

    @Override
    public CapabilityMatrix matrix() {
        return matrix;
    }

    @Override
    public Limits limits() {
        // Names: the portable limit (NAME_MAX 255 leaves room for "/" and glibc's "sem." prefix).
        // Semaphores: SEM_VALUE_MAX of glibc. Shared memory: the size of /dev/shm.
        return new Limits(IpcNames.MAX_LENGTH, LibC.SEM_VALUE_MAX.intValue(), devShmSize());
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

    @Override
    public Optional<MessageQueueSeam> messageQueues() {
        return Optional.of(messageQueues);
    }

    @Override
    public MutexSeams mutexes() {
        return mutexes;
    }

    @Override
    public Optional<WaitSeam> waitSeam() {
        return Optional.of(FutexWaitSeam.INSTANCE);
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
        return () -> new LinuxObjectLister().list();
    }

    /**
     * Open-file-description locks (Linux 3.15+), probed once on first use: empty on an older kernel,
     * where the channel and the portable queue fall back to pid and start time.
     */
    @Override
    public synchronized Optional<PresenceSeam> presence() {
        if (presence == null) {
            presence = PosixPresenceSeam.ifSupported(LibC.INSTANCE);
        }
        return presence;
    }

    /** {@link SystemV} (the System V extension: keys, semaphore sets, typed message queues). */
    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return type == SystemV.class ? Optional.of(type.cast(systemV)) : Optional.empty();
    }
}
