package io.ffmipc.core;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcNames;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.NativeSemaphore;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.spi.SemaphoreSeam;

import java.time.Duration;

/**
 * A named counting {@link Semaphore} on any OS, over a {@link SemaphoreSeam}: the seam opens or
 * creates once, takes a unit once, waits once for at most a slice; here are the value rules, the
 * open modes and the create/open race, the owner check, the close guard, and the wait loop.
 *
 * <p><b>Waiting.</b> A timed acquire is cut into slices of at most 50 ms ({@link WaitSlices}); a
 * Java interrupt or a concurrent {@link #close()} is seen between slices, and a slice ended early
 * by a signal just goes round with the time left. Where the OS has no timed wait (macOS has no
 * {@code sem_timedwait}) the loop polls the non-blocking take with {@link PollBackoff} instead.
 * Allocation-free: the deadline is primitive ({@link Deadline#nanosAfter}).
 */
public final class SeamSemaphore implements Semaphore {
    private static final String ACQUIRE = "acquire semaphore";
    private final SemaphoreSeam seam;
    private final NativeSemaphore object;
    private final String name;
    private final CloseGuard guard;

    private SeamSemaphore(SemaphoreSeam seam, NativeSemaphore object, String name) {
        this.seam = seam;
        this.object = object;
        this.name = name;
        this.guard = new CloseGuard("semaphore", name);
    }

    /** Opens or creates {@code name}; {@code initialValue} applies only when this call creates it. */
    public static Semaphore open(SemaphoreSeam seam, ProcessSeam processes, String name, OpenMode mode,
                                 int initialValue, Permissions permissions) {
        IpcNames.validate(name);
        if (initialValue < 0) {
            throw new IllegalArgumentException("semaphore '" + name + "': initial value must not be negative, got "
                    + initialValue);
        }
        int max = seam.maxValue();
        if (initialValue > max) {
            throw new IpcLimitException("open semaphore", name, null, "initial value " + initialValue
                    + " exceeds the largest value a semaphore holds on this OS (SEM_VALUE_MAX, " + max + ")");
        }
        if (mode == null || permissions == null) {
            throw new IllegalArgumentException("semaphore '" + name + "': open mode and permissions are required");
        }
        NativeSemaphore object = OpenModes.open(mode, "open semaphore", "semaphore", name,
                () -> seam.create(name, initialValue, permissions),
                () -> ownedBy(seam.open(name), processes, permissions, name));
        return new SeamSemaphore(seam, object, name);
    }

    /** Removes the name {@code name}; {@code false} if there was no such semaphore. */
    public static boolean remove(SemaphoreSeam seam, String name) {
        return seam.unlink(IpcNames.validate(name));
    }

    /** An opened semaphore if its owner passes the owner check; otherwise closed, and the check's error. */
    private static NativeSemaphore ownedBy(NativeSemaphore opened, ProcessSeam processes, Permissions permissions,
                                           String name) {
        try {
            OwnerCheck.require(processes, opened.owner(), permissions, "open semaphore", "semaphore", name);
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void acquire() {
        tryAcquire(Deadline.FOREVER);
    }

    @Override
    public boolean tryAcquire() {
        guard.enter();
        try {
            return object.tryAcquire();
        } finally {
            guard.exit();
        }
    }

    @Override
    public boolean tryAcquire(Duration timeout) {
        if (timeout == null) {
            throw new IllegalArgumentException("semaphore '" + name
                    + "': timeout is required (use acquire() to wait without limit)");
        }
        return tryAcquire(Deadline.nanosAfter(timeout));
    }

    /** The wait loop; {@code deadline} is primitive ({@link Deadline#nanosAfter}) so it allocates nothing. */
    private boolean tryAcquire(long deadline) {
        guard.enter();
        try {
            boolean timed = object.timedWait();
            long backoff = PollBackoff.START;
            while (true) {
                // Before every attempt: an interrupted or closed waiter gets the exception, not a unit.
                WaitSlices.checkInterrupt(ACQUIRE, name);
                guard.checkOpen();
                if (object.tryAcquire()) {
                    return true;
                }
                long slice = WaitSlices.next(deadline);
                if (slice <= 0) {
                    return false;
                }
                if (timed) {
                    if (object.acquire(slice) == Attempt.DONE) {
                        return true;
                    }
                    // TIMED_OUT at the end of a slice, or INTERRUPTED by a signal: go round with the time left.
                } else {
                    backoff = PollBackoff.pause(backoff, deadline);
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public void release() {
        guard.enter();
        try {
            object.release();
        } finally {
            guard.exit();
        }
    }

    @Override
    public int value() {
        guard.enter();
        try {
            int value = object.value();
            if (value < 0) {
                throw new IpcException("read semaphore value", name, null,
                        "this OS cannot tell a named semaphore's value (macOS: sem_getvalue is a stub;"
                                + " Windows: no documented call reads a semaphore's count); the semaphore itself works");
            }
            return value;
        } finally {
            guard.exit();
        }
    }

    @Override
    public void unlink() {
        guard.enter();
        try {
            seam.unlink(name);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            object.close();
        }
    }

    @Override
    public String toString() {
        return "semaphore '" + name + "'" + (guard.isClosed() ? " (closed)" : "");
    }
}
