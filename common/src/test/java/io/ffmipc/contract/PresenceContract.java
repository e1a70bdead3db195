package io.ffmipc.contract;

import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.PresenceSeam;
import io.ffmipc.spi.PresenceSlots;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.StructureMemory;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a provider's presence seam ({@link PresenceSeam}) must do, on the handles of one named shared
 * memory object: a slot has one holder at a time (two handles in one process are two holders), a
 * handle that closes or whose process is killed holds nothing any more, and asking never takes. A
 * provider without a presence seam skips these with the reason (its structures judge liveness by
 * pid and start time).
 */
@ExtendWith(LeakCheck.class)
public abstract class PresenceContract {
    private final List<SharedMemory> opened = new ArrayList<>();
    private String name;
    private PresenceSeam seam;

    /** The platform under test. */
    protected abstract IpcPlatform platform();

    @BeforeEach
    final void seam() {
        Optional<PresenceSeam> s = StructureMemory.seams(platform()).presence();
        assumeTrue(s.isPresent(), "this platform offers no presence seam: its channels and queues judge liveness"
                + " by pid and start time");
        seam = s.get();
        name = TestNames.unique("presence");
    }

    @AfterEach
    final void cleanUp() {
        for (SharedMemory m : opened) {
            m.close();
        }
        if (name != null) {
            platform().removeSharedMemory(name);
        }
    }

    private SharedMemory handle(OpenMode mode) {
        SharedMemory m = platform().sharedMemory(name, mode, mode == OpenMode.CREATE ? 4096 : 0);
        opened.add(m);
        return m;
    }

    @Test
    void aSlotHasOneHolderAtATimeEvenBetweenTwoHandlesOfOneProcess() {
        PresenceSlots a = seam.slots(handle(OpenMode.CREATE));
        PresenceSlots b = seam.slots(handle(OpenMode.OPEN));
        assertTrue(a.tryHold(3));
        assertFalse(b.tryHold(3), "the other handle's slot");
        assertTrue(b.heldByAnother(3));
        assertFalse(b.heldByAnother(2), "a neighbour nobody holds");
        assertFalse(b.heldByAnother(4), "a neighbour nobody holds");
        assertTrue(b.tryHold(4), "slots are independent");
        assertTrue(a.heldByAnother(4));
        a.release(3);
        assertFalse(b.heldByAnother(3), "released");
        assertTrue(b.tryHold(3));
        assertFalse(a.tryHold(3));
        a.release(7); // holds nothing there: nothing happens
    }

    /** Slots are numbers, not memory: one far past the object's end is held like any other. */
    @Test
    void closingTheHandleEndsEveryHoldTakenThroughIt() {
        SharedMemory first = handle(OpenMode.CREATE);
        PresenceSlots a = seam.slots(first);
        PresenceSlots b = seam.slots(handle(OpenMode.OPEN));
        long far = 1L << 40;
        assertTrue(a.tryHold(0));
        assertTrue(a.tryHold(far));
        assertTrue(b.heldByAnother(0) && b.heldByAnother(far));
        first.close();
        assertFalse(b.heldByAnother(0), "closed: slot 0 is free");
        assertFalse(b.heldByAnother(far), "closed: the far slot is free");
        assertTrue(b.tryHold(far));
    }

    /**
     * What liveness rests on: a holder killed with SIGKILL (no close, no clean-up) holds nothing
     * the moment it is gone; while it lives, its slot can be neither taken nor seen free.
     */
    @Test
    void aKilledHoldersSlotIsFreeOnceItIsGone() {
        PresenceSlots mine = seam.slots(handle(OpenMode.CREATE));
        try (ChildJvm holder = ChildJvm.start(PresencePeer.class, "hold", name, "5")) {
            RobustMutexContract.awaitLine(holder, "holding");
            assertTrue(mine.heldByAnother(5), "held by the live child");
            assertFalse(mine.tryHold(5), "a live holder's slot cannot be taken");
            assertFalse(mine.heldByAnother(6));
            holder.kill();
            assertFalse(holder.process().isAlive());
            assertFalse(mine.heldByAnother(5), "the kernel ended the dead child's hold");
            assertTrue(mine.tryHold(5));
        }
    }

    @Test
    void slotsOutsideTheRangeAreRefusedNamingIt() {
        PresenceSlots a = seam.slots(handle(OpenMode.CREATE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.tryHold(-1));
        assertTrue(e.getMessage().contains("slot -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.heldByAnother(PresenceSlots.MAX_SLOT + 1));
        assertTrue(a.tryHold(PresenceSlots.MAX_SLOT), "the largest slot is a slot");
    }
}
