package io.ffmipc.sync;

import io.ffmipc.core.SeamWaits;
import io.ffmipc.Barrier;
import io.ffmipc.BarrierBrokenException;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.core.StructureKind;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.core.Deadline;
import io.ffmipc.spi.SharedWord;

import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Objects;

import static io.ffmipc.sync.BarrierDescriptor.ARRIVED;
import static io.ffmipc.sync.BarrierDescriptor.BROKEN;
import static io.ffmipc.sync.BarrierDescriptor.MUTEX;
import static io.ffmipc.sync.BarrierDescriptor.NEXT_GENERATION;
import static io.ffmipc.sync.BarrierDescriptor.PARTIES;
import static io.ffmipc.sync.BarrierDescriptor.STATE;

/** {@link Barrier}; layout and generation rule in {@link BarrierDescriptor}. */
public final class SharedBarrier extends SharedSyncObject implements Barrier {
    private final SharedMutex mutex;
    private final SharedWord state;
    private final int parties;

    private SharedBarrier(SharedStructure shared, int parties) {
        super(shared);
        this.parties = parties;
        this.mutex = new SharedMutex(shared.word(MUTEX), "barrier '" + shared.name + "'");
        this.state = shared.word(STATE);
    }

    public static Barrier open(PlatformSeams platform, String name, OpenMode mode, int parties, Permissions permissions) {
        if (parties <= 0) {
            throw new IllegalArgumentException("a barrier needs at least 1 party, got " + parties + " for '" + name + "'");
        }
        return SharedStructure.open(platform, StructureKind.BARRIER, name, mode, permissions,
                s -> s.set(ValueLayout.JAVA_INT, PARTIES, parties),
                s -> {
                    int found = s.get(ValueLayout.JAVA_INT, PARTIES);
                    if (found != parties) {
                        throw new IllegalArgumentException("barrier '" + name + "' has " + found + " parties, not "
                                + parties);
                    }
                },
                shared -> new SharedBarrier(shared, parties));
    }

    public static boolean remove(PlatformSeams platform, String name) {
        return SharedStructure.remove(platform, StructureKind.BARRIER, name);
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int await(Duration timeout) {
        Deadline deadline = Deadline.after(Objects.requireNonNull(timeout, "timeout"));
        shared.guard.enter();
        try {
            int generation;
            int index;
            if (!mutex.lock(deadline)) {
                return -1; // the internal lock is held for a few instructions: only a dead holder keeps it
            }
            try {
                generation = SharedInts.getAcquire(s, STATE);
                if (BarrierDescriptor.broken(generation)) {
                    throw broken();
                }
                int arrived = s.get(ValueLayout.JAVA_INT, ARRIVED) + 1; // plain: the mutex orders it
                index = parties - arrived;
                if (arrived == parties) {
                    s.set(ValueLayout.JAVA_INT, ARRIVED, 0);
                    // Volatile: the next generation is published before the wake below.
                    SharedInts.setVolatile(s, STATE, generation + NEXT_GENERATION);
                    state.wakeAll();
                    return 0;
                }
                s.set(ValueLayout.JAVA_INT, ARRIVED, arrived);
            } finally {
                mutex.unlock();
            }
            return awaitTrip(generation, index, deadline);
        } finally {
            shared.guard.exit();
        }
    }

    private int awaitTrip(int generation, int index, Deadline deadline) {
        while (true) {
            int now = SharedInts.getAcquire(s, STATE);
            if (now != generation) {
                return outcome(generation, now, index);
            }
            boolean inTime;
            try {
                inTime = SeamWaits.await(state, generation, deadline.atNanos(), this);
            } catch (IpcInterruptedException interrupted) {
                if (breakIfStill(generation)) {
                    throw interrupted;
                }
                return outcome(generation, SharedInts.getAcquire(s, STATE), index);
            }
            if (!inTime) {
                if (breakIfStill(generation)) {
                    return -1;
                }
                return outcome(generation, SharedInts.getAcquire(s, STATE), index);
            }
        }
    }

    private int outcome(int generation, int now, int index) {
        if (!BarrierDescriptor.sameGeneration(generation, now)) {
            return index; // our generation completed (breaking never changes the generation)
        }
        throw broken();
    }

    /** Breaks the barrier if our generation is still waiting; false if it completed or broke meanwhile. */
    private boolean breakIfStill(int generation) {
        mutex.lockUninterruptibly();
        try {
            if (SharedInts.getAcquire(s, STATE) != generation) {
                return false;
            }
            SharedInts.setVolatile(s, STATE, generation | BROKEN);
            state.wakeAll();
            return true;
        } finally {
            mutex.unlock();
        }
    }

    private BarrierBrokenException broken() {
        return new BarrierBrokenException("barrier await", shared.name, "the barrier is broken: a party timed out or"
                + " was interrupted before its generation completed; remove the barrier and create a new one");
    }

    @Override
    public boolean isBroken() {
        shared.guard.enter();
        try {
            return BarrierDescriptor.broken(SharedInts.getAcquire(s, STATE));
        } finally {
            shared.guard.exit();
        }
    }

    @Override
    public String toString() {
        return "Barrier[" + shared + ", " + parties + " parties]";
    }
}
