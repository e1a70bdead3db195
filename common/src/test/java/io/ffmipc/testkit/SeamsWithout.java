package io.ffmipc.testkit;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Limits;
import io.ffmipc.core.PollingWaitSeam;
import io.ffmipc.core.PortablePlatform;
import io.ffmipc.core.SharedMemoryEvents;
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

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A provider's seams with optional ones taken away, so the running OS can show what the core does
 * on an OS that lacks them: no message-queue seam (the portable shared-memory queue stands in, as on
 * Windows and macOS), no wait seam (waits poll, as on macOS before 14.4), no presence seam (liveness
 * by pid and start time, as on macOS, Windows and Linux before 3.15), no event descriptor of the OS's
 * own (events in shared memory stand in, as on macOS).
 */
public final class SeamsWithout implements PlatformSeams {
    private final PlatformSeams real;
    private final boolean messageQueues;
    private final boolean waitSeam;
    private final boolean presence;
    /** Null: the provider's own events. */
    private final EventSeam events;

    private SeamsWithout(PlatformSeams real, boolean messageQueues, boolean waitSeam, boolean presence) {
        this(real, messageQueues, waitSeam, presence, null);
    }

    private SeamsWithout(PlatformSeams real, boolean messageQueues, boolean waitSeam, boolean presence,
            EventSeam events) {
        this.real = real;
        this.messageQueues = messageQueues;
        this.waitSeam = waitSeam;
        this.presence = presence;
        this.events = events;
    }

    /**
     * The platform the core builds on {@code real}'s seams reduced by {@code without} (one of the
     * factories below, e.g. {@code SeamsWithout::messageQueuesAndWaitSeam}): what a test runs the
     * contracts on to show an OS that lacks those seams.
     */
    public static IpcPlatform platform(IpcPlatform real, UnaryOperator<PlatformSeams> without) {
        return new PortablePlatform(without.apply(StructureMemory.seams(real)));
    }

    /**
     * Without the OS's own events: {@link SharedMemoryEvents} on the provider's shared memory, parked
     * on its wait seam ({@code withWaitSeam}) or, without it, polled.
     */
    public static PlatformSeams events(PlatformSeams real, boolean withWaitSeam) {
        WaitSeam waits = withWaitSeam ? real.waitSeam().orElseThrow() : PollingWaitSeam.INSTANCE;
        return new SeamsWithout(real, true, withWaitSeam, true, new SharedMemoryEvents(real.sharedMemory(), waits));
    }

    /** Without the OS's message queue. */
    public static PlatformSeams messageQueues(PlatformSeams real) {
        return new SeamsWithout(real, false, true, true);
    }

    /** Without the OS's message queue and without the wait seam. */
    public static PlatformSeams messageQueuesAndWaitSeam(PlatformSeams real) {
        return new SeamsWithout(real, false, false, true);
    }

    /** Without the OS's message queue and without the presence seam. */
    public static PlatformSeams messageQueuesAndPresence(PlatformSeams real) {
        return new SeamsWithout(real, false, true, false);
    }

    /** Without the presence seam only. */
    public static PlatformSeams presence(PlatformSeams real) {
        return new SeamsWithout(real, true, true, false);
    }

    @Override
    public CapabilityMatrix matrix() {
        return real.matrix();
    }

    @Override
    public Limits limits() {
        return real.limits();
    }

    @Override
    public ProcessSeam processes() {
        return real.processes();
    }

    @Override
    public SharedMemorySeam sharedMemory() {
        return real.sharedMemory();
    }

    @Override
    public SemaphoreSeam semaphores() {
        return real.semaphores();
    }

    @Override
    public Optional<MessageQueueSeam> messageQueues() {
        return messageQueues ? real.messageQueues() : Optional.empty();
    }

    @Override
    public MutexSeams mutexes() {
        return real.mutexes();
    }

    @Override
    public Optional<WaitSeam> waitSeam() {
        return waitSeam ? real.waitSeam() : Optional.empty();
    }

    @Override
    public EventSeam events() {
        return events != null ? events : real.events();
    }

    @Override
    public StreamPipeSeam streamPipes() {
        return real.streamPipes();
    }

    @Override
    public MessagePipeSeam messagePipes() {
        return real.messagePipes();
    }

    @Override
    public LauncherSeam launcher() {
        return real.launcher();
    }

    @Override
    public ObjectLister objects() {
        return real.objects();
    }

    @Override
    public Optional<PresenceSeam> presence() {
        return presence ? real.presence() : Optional.empty();
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return real.extension(type);
    }
}
