package io.ffmipc.sync;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The descriptors and the header rules, without any OS. */
class SyncLayoutTest {

    private static void checkWords(long... offsets) {
        Set<Long> lines = new HashSet<>();
        for (long o : offsets) {
            assertEquals(0, o % 4, "offset " + o + " is 4-byte aligned");
            assertTrue(o >= SyncHeader.LINE && o + 4 <= SyncHeader.SIZE, "offset " + o + " is past the header, inside the page");
            assertTrue(lines.add(o / SyncHeader.LINE), "offset " + o + " has a cache line of its own");
        }
    }

    @Test
    void hotWordsAreAlignedInsideThePageOnLinesOfTheirOwn() {
        checkWords(EventDescriptor.STATE, EventDescriptor.WAITERS);
        checkWords(ConditionDescriptor.MUTEX, ConditionDescriptor.SEQUENCE, ConditionDescriptor.WAITERS);
        checkWords(BarrierDescriptor.MUTEX, BarrierDescriptor.STATE, BarrierDescriptor.ARRIVED);
        checkWords(ReadWriteLockDescriptor.STATE, ReadWriteLockDescriptor.SEQUENCE,
                ReadWriteLockDescriptor.WRITERS_WAITING, ReadWriteLockDescriptor.PARKED);
        for (long config : List.of(EventDescriptor.KIND, BarrierDescriptor.PARTIES)) {
            assertTrue(config > SyncHeader.MAGIC && config < SyncHeader.LINE, "config words sit in the header line");
        }
    }

    @Test
    void barrierStatesTellCompletionFromBreaking() {
        int g = 6; // generation 3, not broken
        assertFalse(BarrierDescriptor.broken(g));
        assertTrue(BarrierDescriptor.broken(g | BarrierDescriptor.BROKEN));
        assertTrue(BarrierDescriptor.sameGeneration(g, g | BarrierDescriptor.BROKEN));
        assertFalse(BarrierDescriptor.sameGeneration(g, g + BarrierDescriptor.NEXT_GENERATION));
        int last = Integer.MAX_VALUE - 1; // wraps without confusing the two
        assertFalse(BarrierDescriptor.sameGeneration(last, last + BarrierDescriptor.NEXT_GENERATION));
    }
}
