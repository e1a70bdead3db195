package io.ffmipc.sync;

import io.ffmipc.core.SeamWaits;
import io.ffmipc.IpcLimitException;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.core.StructureKind;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.ReadWriteLock;
import io.ffmipc.core.Deadline;
import io.ffmipc.spi.SharedWord;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ffmipc.sync.ReadWriteLockDescriptor.PARKED;
import static io.ffmipc.sync.ReadWriteLockDescriptor.READERS;
import static io.ffmipc.sync.ReadWriteLockDescriptor.SEQUENCE;
import static io.ffmipc.sync.ReadWriteLockDescriptor.STATE;
import static io.ffmipc.sync.ReadWriteLockDescriptor.WRITER;
import static io.ffmipc.sync.ReadWriteLockDescriptor.WRITERS_WAITING;

/**
 * {@link ReadWriteLock} with writer preference; layout in {@link ReadWriteLockDescriptor}. Everyone
 * who cannot enter parks on one sequence word, read before the attempt; every release that may let
 * someone in advances it and wakes all parked threads, which retry.
 */
public final class SharedReadWriteLock extends SharedSyncObject implements ReadWriteLock {
    private final SharedWord sequence;
    private final String label;
    private final AtomicInteger readHolds = new AtomicInteger();
    private volatile Thread writer;

    private SharedReadWriteLock(SharedStructure shared) {
        super(shared);
        this.sequence = shared.word(SEQUENCE);
        this.label = "read-write lock '" + shared.name + "'";
    }

    public static ReadWriteLock open(PlatformSeams platform, String name, OpenMode mode, Permissions permissions) {
        return SharedStructure.open(platform, StructureKind.READ_WRITE_LOCK, name, mode, permissions, s -> { }, s -> { },
                SharedReadWriteLock::new);
    }

    public static boolean remove(PlatformSeams platform, String name) {
        return SharedStructure.remove(platform, StructureKind.READ_WRITE_LOCK, name);
    }

    @Override
    public boolean readLock(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        shared.guard.enter();
        try {
            checkNotWriter("readLock");
            while (true) {
                // Acquire the sequence before looking at the state: a release after our look
                // advances it, and the park below then returns at once.
                int seen = SharedInts.getAcquire(s, SEQUENCE);
                int st = SharedInts.getVolatile(s, STATE);
                if ((st & WRITER) == 0 && SharedInts.getVolatile(s, WRITERS_WAITING) == 0) {
                    if ((st & READERS) == READERS) {
                        throw new IpcLimitException("read lock", shared.name, null, "too many readers (" + READERS + ")");
                    }
                    // CAS is a full fence: the reader's critical section stays after it.
                    if (SharedInts.compareAndSet(s, STATE, st, st + 1)) {
                        readHolds.incrementAndGet();
                        return true;
                    }
                    continue;
                }
                if (!park(seen, deadline)) {
                    return false;
                }
            }
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public void readUnlock() {
        shared.guard.enter();
        try {
            if (readHolds.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
                throw new IllegalMonitorStateException(label + ": this handle holds no read lock");
            }
            // Full-fence decrement: the reader's critical section ends before the count drops.
            int left = SharedInts.getAndAdd(s, STATE, -1) - 1;
            if ((left & READERS) == 0) {
                released(); // the last reader out may let a writer in
            }
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public boolean writeLock(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        shared.guard.enter();
        try {
            checkNotWriter("writeLock");
            // Announce first (full fence), so readers arriving from now on hold back.
            SharedInts.getAndAdd(s, WRITERS_WAITING, 1);
            boolean acquired = false;
            try {
                while (true) {
                    int seen = SharedInts.getAcquire(s, SEQUENCE);
                    if (SharedInts.compareAndSet(s, STATE, 0, WRITER)) {
                        writer = Thread.currentThread();
                        acquired = true;
                        return true;
                    }
                    if (!park(seen, deadline)) {
                        return false;
                    }
                }
            } finally {
                SharedInts.getAndAdd(s, WRITERS_WAITING, -1);
                if (!acquired) {
                    released(); // readers held back by our announcement may go now
                }
            }
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public void writeUnlock() {
        shared.guard.enter();
        try {
            if (writer != Thread.currentThread()) {
                throw new IllegalMonitorStateException(label + ": the calling thread does not hold the write lock");
            }
            writer = null;
            // CAS is a full fence: the writer's critical section is visible before the lock is free.
            if (!SharedInts.compareAndSet(s, STATE, WRITER, 0)) {
                throw new IllegalStateException(label + ": state " + SharedInts.getVolatile(s, STATE)
                        + " while this thread held the write lock: the shared memory was overwritten");
            }
            released();
        } finally {
            shared.guard.exit();
        }
    }

    private void checkNotWriter(String operation) {
        if (writer == Thread.currentThread()) {
            throw new IllegalMonitorStateException(label + ": " + operation + " by the thread that holds the write lock"
                    + " (the lock is not reentrant)");
        }
    }

    /** Parks until the sequence moves on from {@code seen}; false at the deadline. */
    private boolean park(int seen, Deadline deadline) {
        // Full-fence add before parking: pairs with released()'s advance-then-read (Dekker).
        SharedInts.getAndAdd(s, PARKED, 1);
        try {
            return SeamWaits.await(sequence, seen, deadline.atNanos(), this);
        } finally {
            SharedInts.getAndAdd(s, PARKED, -1);
        }
    }

    /** Advances the sequence and wakes everyone parked: they re-try in their own order. */
    private void released() {
        SharedInts.getAndAdd(s, SEQUENCE, 1);
        if (SharedInts.getVolatile(s, PARKED) > 0) {
            sequence.wakeAll();
        }
    }

    @Override
    public String toString() {
        return "ReadWriteLock[" + shared + "]";
    }
}
