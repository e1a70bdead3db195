package io.ffmipc.sync;

import io.ffmipc.core.SeamWaits;
import io.ffmipc.Condition;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.core.StructureKind;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.core.Deadline;
import io.ffmipc.spi.SharedWord;

import java.time.Duration;
import java.util.Objects;

import static io.ffmipc.sync.ConditionDescriptor.MUTEX;
import static io.ffmipc.sync.ConditionDescriptor.SEQUENCE;
import static io.ffmipc.sync.ConditionDescriptor.WAITERS;

/** {@link Condition} with its mutex; layout in {@link ConditionDescriptor}. */
public final class SharedCondition extends SharedSyncObject implements Condition {
    private final SharedMutex mutex;
    private final SharedWord sequence;

    private SharedCondition(SharedStructure shared) {
        super(shared);
        this.mutex = new SharedMutex(shared.word(MUTEX), "condition '" + shared.name + "'");
        this.sequence = shared.word(SEQUENCE);
    }

    public static Condition open(PlatformSeams platform, String name, OpenMode mode, Permissions permissions) {
        return SharedStructure.open(platform, StructureKind.CONDITION, name, mode, permissions, s -> { }, s -> { },
                SharedCondition::new);
    }

    public static boolean remove(PlatformSeams platform, String name) {
        return SharedStructure.remove(platform, StructureKind.CONDITION, name);
    }

    @Override
    public void lock() {
        shared.guard.enter();
        try {
            mutex.lock(Deadline.never());
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public boolean tryLock(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        shared.guard.enter();
        try {
            return mutex.lock(deadline);
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public void unlock() {
        shared.guard.enter();
        try {
            mutex.unlock();
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public boolean await(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        shared.guard.enter();
        try {
            mutex.checkHeld("await");
            // Read under the lock: a signal after the caller's last look at its state advances the
            // sequence, so the park below returns at once instead of missing that signal.
            int seen = SharedInts.getAcquire(s, SEQUENCE);
            // Full fence: the signaller's volatile read of WAITERS after its increment sees us.
            SharedInts.getAndAdd(s, WAITERS, 1);
            mutex.unlock();
            try {
                while (true) {
                    if (SharedInts.getVolatile(s, SEQUENCE) != seen) {
                        return true;
                    }
                    if (!SeamWaits.await(sequence, seen, deadline.atNanos(), this)) {
                        return SharedInts.getVolatile(s, SEQUENCE) != seen;
                    }
                }
            } finally {
                SharedInts.getAndAdd(s, WAITERS, -1);
                mutex.lockUninterruptibly();
            }
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public void signal() {
        wake(1);
    }

    @Override
    public void signalAll() {
        wake(Integer.MAX_VALUE);
    }

    private void wake(int count) {
        shared.guard.enter();
        try {
            // Full-fence add, then a volatile read: pairs with await's add-then-read, so a waiter is
            // either counted here or sees the new sequence before it parks.
            SharedInts.getAndAdd(s, SEQUENCE, 1);
            if (SharedInts.getVolatile(s, WAITERS) > 0) {
                sequence.wake(count);
            }
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public String toString() {
        return "Condition[" + shared + "]";
    }
}
