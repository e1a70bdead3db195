package io.ffmipc.core;

import io.ffmipc.IpcNames;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.spi.MutexSeam;
import io.ffmipc.LockResult;
import io.ffmipc.MutexOwnershipException;
import io.ffmipc.MutexStatus;
import io.ffmipc.RobustMutex;
import io.ffmipc.spi.MutexSeams;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The portable half of every {@link RobustMutex}: the OS lock ({@link MutexSeam}) belongs to the
 * process; this class decides which Java thread holds it, through which object, and what an
 * acquirer is told.
 *
 * <h2>The state machine of an acquire</h2>
 * <ol>
 *   <li>The calling thread already holds the lock (through any object on the same OS mutex):
 *       {@link MutexOwnershipException} — the mutex is not reentrant, and waiting would never end.</li>
 *   <li>A thread of this process holds it but has ended (a platform or virtual thread that
 *       finished without unlocking): the kernel still sees the lock held by this process, so the
 *       caller takes it over without an OS call and is told {@link LockResult#OWNER_DIED}.</li>
 *   <li>Otherwise one OS attempt of at most {@link WaitSlices#MAX_SLICE_NANOS}: the seam's answer
 *       (ACQUIRED, or OWNER_DIED when the previous owner's process died or abandoned the lock)
 *       makes the caller the owner; TIMED_OUT repeats from 2 until the deadline, checking the
 *       interrupt flag and {@link #close()} between slices.</li>
 * </ol>
 * Ownership is recorded as a {@link Thread} object, never an OS thread id, so a virtual thread that
 * moves between carriers while holding the lock still holds it. The record is shared by every
 * object opened on the same OS mutex in this process (keyed by {@link MutexSeam#identity()}).
 *
 * <p>Hot paths (lock, unlock) allocate nothing but the {@link Deadline} of a timed wait.
 */
public final class SeamRobustMutex implements RobustMutex {
    private static final ConcurrentHashMap<String, OwnerSlot> SLOTS = new ConcurrentHashMap<>();

    /** Which thread of this process holds one OS mutex, through which object. */
    private static final class OwnerSlot {
        final AtomicReference<Thread> thread = new AtomicReference<>();
        volatile SeamRobustMutex via;
        int users; // changed only inside SLOTS.compute
    }

    private final String name;
    private final MutexSeam seam;
    private final String identity;
    private final OwnerSlot slot;
    private final CloseGuard guard;

    /**
     * Opens or creates the named mutex on the provider's {@code seams}: the arguments are checked
     * here, once for every OS; the seams make, find or repair the OS objects per {@code mode}.
     */
    public static RobustMutex open(MutexSeams seams, String name, OpenMode mode, Permissions permissions) {
        if (mode == null || permissions == null) {
            throw new IllegalArgumentException("mutex '" + name + "': open mode and permissions are required");
        }
        IpcNames.validate(name);
        return new SeamRobustMutex(name, seams.open(name, mode, permissions));
    }

    /** Removes the named mutex's OS objects; false if there were none. */
    public static boolean remove(MutexSeams seams, String name) {
        return seams.remove(IpcNames.validate(name));
    }

    /** Takes over {@code seam}: {@link #close()} closes it. */
    public SeamRobustMutex(String name, MutexSeam seam) {
        this.name = name;
        this.seam = seam;
        this.identity = seam.identity();
        this.guard = new CloseGuard("mutex", name);
        this.slot = SLOTS.compute(identity, (k, s) -> {
            OwnerSlot used = s == null ? new OwnerSlot() : s;
            used.users++;
            return used;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LockResult lock() {
        return acquire(Deadline.never(), true);
    }

    @Override
    public LockResult tryLock() {
        return acquire(null, false);
    }

    @Override
    public LockResult tryLock(Duration timeout) {
        if (timeout == null) {
            throw new IllegalArgumentException("mutex '" + name + "': timeout is required (use lock() to wait without limit)");
        }
        return acquire(Deadline.after(timeout), true);
    }

    private LockResult acquire(Deadline deadline, boolean wait) {
        guard.enter();
        try {
            Thread me = Thread.currentThread();
            if (slot.thread.get() == me) {
                throw new MutexOwnershipException("lock", name, "the calling thread already holds it"
                        + (slot.via == this ? "" : " (through another RobustMutex object on the same mutex)")
                        + "; a RobustMutex is not reentrant, and waiting for itself would never end");
            }
            while (true) {
                if (wait) {
                    WaitSlices.checkInterrupt("lock", name);
                    guard.checkOpen();
                }
                Thread holder = slot.thread.get();
                if (holder != null && !holder.isAlive() && slot.thread.compareAndSet(holder, me)) {
                    slot.via = this; // the process already holds the OS lock: take over the dead thread's hold
                    return LockResult.OWNER_DIED;
                }
                LockResult r = seam.acquire(wait ? WaitSlices.next(deadline) : 0);
                if (r != LockResult.TIMED_OUT) {
                    slot.via = this;
                    slot.thread.set(me);
                    return r;
                }
                if (!wait || deadline.expired()) {
                    return LockResult.TIMED_OUT;
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public void unlock() {
        guard.enter();
        try {
            Thread me = Thread.currentThread();
            Thread holder = slot.thread.get();
            if (holder != me || slot.via != this) {
                throw new MutexOwnershipException("unlock", name, holder == null
                        ? "the calling thread does not hold it (no thread of this process does)"
                        : holder != me ? "the calling thread does not hold it; " + describe(holder) + " does"
                        : "the calling thread holds it through another RobustMutex object on the same mutex; unlock through that one");
            }
            // Clear the record before the OS release: once released, another thread may take it and record itself.
            slot.via = null;
            slot.thread.set(null);
            try {
                seam.release();
            } catch (RuntimeException e) {
                slot.via = this;
                slot.thread.set(me);
                throw e;
            }
        } finally {
            guard.exit();
        }
    }

    private static String describe(Thread t) {
        return (t.isVirtual() ? "virtual thread #" : "thread #") + t.threadId()
                + (t.getName().isEmpty() ? "" : " '" + t.getName() + "'");
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return slot.thread.get() == Thread.currentThread() && slot.via == this;
    }

    @Override
    public MutexStatus status() {
        guard.enter();
        try {
            return seam.status();
        } finally {
            guard.exit();
        }
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        try {
            if (slot.via == this) {
                slot.via = null;
                slot.thread.set(null);
                seam.abandon(); // no proper unlock happened: the next acquirer is told OWNER_DIED
            }
        } finally {
            try {
                seam.close();
            } finally {
                SLOTS.computeIfPresent(identity, (k, s) -> --s.users == 0 ? null : s);
            }
        }
    }

    @Override
    public String toString() {
        return "RobustMutex[" + name + ", " + identity + (guard.isClosed() ? ", closed]" : "]");
    }
}
