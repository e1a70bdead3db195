package io.ffmipc.windows;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcNames;
import io.ffmipc.Limits;
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

import java.util.Optional;

/**
 * Windows's seams, on which the portable core builds the whole platform: sections, semaphores,
 * mutexes with owner threads, a named semaphore and sleeper count per wait word, unnamed
 * semaphores as events, byte- and message-mode named pipes with overlapped I/O, CreateProcessW with
 * a handle list. No message-queue seam: the portable shared-memory queue stands in. The
 * {@link Mailslots} extension. Named kernel objects live in one namespace, {@code Local\} unless
 * {@code Global\} is asked for ({@link WindowsProvider#platform(IpcNames.WindowsNamespace)}).
 */
final class WindowsSeams implements PlatformSeams {
    private final CapabilityMatrix matrix;
    private final WindowsProcessSeam processes;
    private final WindowsSharedMemorySeam sharedMemory;
    private final WindowsSemaphoreSeam semaphores;
    private final WindowsMutexSeams mutexes;
    private final WindowsWaitSeam waitSeam;
    private final WindowsEventSeam events;
    private final WindowsStreamPipeSeam streamPipes;
    private final WindowsMessagePipeSeam messagePipes;
    private final WindowsLauncherSeam launcher = new WindowsLauncherSeam();
    private final WindowsObjectLister objects = new WindowsObjectLister();
    private final Mailslots mailslots;

    WindowsSeams(CapabilityMatrix matrix, IpcNames.WindowsNamespace namespace) {
        this.matrix = matrix;
        Security security = Security.ofThisProcess();
        WindowsNames names = new WindowsNames(namespace);
        this.processes = new WindowsProcessSeam(security);
        this.sharedMemory = new WindowsSharedMemorySeam(names, security);
        this.semaphores = new WindowsSemaphoreSeam(names, security);
        this.mutexes = new WindowsMutexSeams(names, security, processes);
        this.waitSeam = new WindowsWaitSeam(names, security, processes);
        this.events = new WindowsEventSeam(security);
        this.streamPipes = new WindowsStreamPipeSeam(security);
        this.messagePipes = new WindowsMessagePipeSeam(security, processes);
        this.mailslots = new Mailslots(security, processes);
    }

    @Override
    public CapabilityMatrix matrix() {
        return matrix;
    }

    /** Names: the portable limit (every mapping fits MAX_PATH); semaphores: LONG_MAX; memory: the address space. */
    @Override
    public Limits limits() {
        return new Limits(IpcNames.MAX_LENGTH, WindowsSemaphoreSeam.MAX_VALUE, WindowsSharedMemorySeam.MAX_SIZE);
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

    /** None: the portable shared-memory queue stands in (the mailslot is an extension, one way). */
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
        return Optional.of(waitSeam);
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

    /** {@link Mailslots}. */
    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return type == Mailslots.class ? Optional.of(type.cast(mailslots)) : Optional.empty();
    }
}
