package io.ffmipc.sync;

import io.ffmipc.core.SeamWaits;
import io.ffmipc.EventKind;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.core.StructureKind;
import io.ffmipc.NamedEvent;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.core.Deadline;
import io.ffmipc.spi.SharedWord;

import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Objects;

import static io.ffmipc.sync.EventDescriptor.SET;
import static io.ffmipc.sync.EventDescriptor.RESET;
import static io.ffmipc.sync.EventDescriptor.STATE;
import static io.ffmipc.sync.EventDescriptor.WAITERS;

/** {@link NamedEvent} on one seam word; layout in {@link EventDescriptor}. */
public final class SharedEvent extends SharedSyncObject implements NamedEvent {
    private final SharedWord state;
    private final EventKind kind;

    private SharedEvent(SharedStructure shared, EventKind kind) {
        super(shared);
        this.kind = kind;
        this.state = shared.word(STATE);
    }

    /** @param kind required when the event may be created; with {@link OpenMode#OPEN}, null takes the event's own kind */
    public static NamedEvent open(PlatformSeams platform, String name, OpenMode mode, EventKind kind,
                                  Permissions permissions) {
        if (kind == null && mode != OpenMode.OPEN) {
            throw new IllegalArgumentException("event kind is required (MANUAL_RESET or AUTO_RESET) when the event may be"
                    + " created (" + mode + ")");
        }
        int[] found = {kind == null ? -1 : kind.ordinal()};
        return SharedStructure.open(platform, StructureKind.EVENT, name, mode, permissions,
                s -> s.set(ValueLayout.JAVA_INT, EventDescriptor.KIND, found[0]),
                s -> {
                    int stored = s.get(ValueLayout.JAVA_INT, EventDescriptor.KIND);
                    if (stored < 0 || stored >= EventKind.values().length) {
                        throw new IllegalStateException("event '" + name + "' has an unknown kind " + stored);
                    }
                    if (kind != null && stored != kind.ordinal()) {
                        throw new IllegalArgumentException("event '" + name + "' is " + EventKind.values()[stored]
                                + ", not " + kind);
                    }
                    found[0] = stored;
                },
                shared -> new SharedEvent(shared, EventKind.values()[found[0]]));
    }

    public static boolean remove(PlatformSeams platform, String name) {
        return SharedStructure.remove(platform, StructureKind.EVENT, name);
    }

    @Override
    public EventKind kind() {
        return kind;
    }

    @Override
    public void set() {
        shared.guard.enter();
        try {
            // Volatile store then volatile load (Dekker with await's waiter count and state check):
            // either we see the waiter and wake it, or it sees SET before parking.
            SharedInts.setVolatile(s, STATE, SET);
            if (SharedInts.getVolatile(s, WAITERS) > 0) {
                state.wake(kind == EventKind.AUTO_RESET ? 1 : Integer.MAX_VALUE);
            }
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public void reset() {
        shared.guard.enter();
        try {
            SharedInts.setRelease(s, STATE, RESET); // nobody waits for a reset: release suffices
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public boolean await(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        shared.guard.enter();
        try {
            if (take()) {
                return true;
            }
            // Full-fence add: the count is visible to set() before we look at the state again.
            SharedInts.getAndAdd(s, WAITERS, 1);
            try {
                while (!take()) {
                    if (!SeamWaits.await(state, RESET, deadline.atNanos(), this)) {
                        return take(); // a set that raced the deadline still counts
                    }
                }
                return true;
            } finally {
                SharedInts.getAndAdd(s, WAITERS, -1);
            }
        } finally {
            shared.guard.exit();
        }
    }

    /** Manual reset: is it set. Auto reset: take the set (CAS), so exactly one waiter gets each. */
    private boolean take() {
        if (kind == EventKind.AUTO_RESET) {
            return SharedInts.getVolatile(s, STATE) == SET && SharedInts.compareAndSet(s, STATE, SET, RESET);
        }
        return SharedInts.getVolatile(s, STATE) == SET;
    }

    @Override
    public boolean isSet() {
        shared.guard.enter();
        try {
            return SharedInts.getAcquire(s, STATE) == SET;
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public String toString() {
        return "NamedEvent[" + shared + ", " + kind + "]";
    }
}
