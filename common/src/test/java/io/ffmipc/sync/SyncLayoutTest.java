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
    void magicCarriesKindAndVersion() {
        Set<Integer> magics = new HashSet<>();
        for (SyncKind k : SyncKind.values()) {
            int m = k.magic();
            assertTrue(SyncHeader.isOurs(m));
            assertEquals(k, SyncKind.byTag(SyncHeader.tag(m)));
            assertEquals(SyncHeader.VERSION, SyncHeader.version(m));
            assertTrue(m != 0, "0 means 'not ready'");
            assertTrue(magics.add(m), "each kind has its own magic");
        }
        assertFalse(SyncHeader.isOurs(0x12345678));
        assertEquals(0x66694502, SyncHeader.magic('E', 2), "'f' 'i' 'E' 2");
    }

    @Test
    void checkMagicNamesWhatIsWrong() {
        SharedStructure.checkMagic(SyncKind.EVENT, "x", SyncKind.EVENT.magic());
        IpcException version = assertThrows(IpcException.class,
                () -> SharedStructure.checkMagic(SyncKind.EVENT, "x", SyncHeader.magic('E', 9)));
        assertTrue(version.getMessage().contains("layout version 9"), version.getMessage());
        IpcException kind = assertThrows(IpcException.class,
                () -> SharedStructure.checkMagic(SyncKind.EVENT, "x", SyncKind.BARRIER.magic()));
        assertTrue(kind.getMessage().contains("holds a barrier, not an event"), kind.getMessage());
        IpcException foreign = assertThrows(IpcException.class,
                () -> SharedStructure.checkMagic(SyncKind.CONDITION, "x", 0x12345678));
        assertTrue(foreign.getMessage().contains("not an ffm-ipc structure (magic 0x12345678)"), foreign.getMessage());
        IpcException unready = assertThrows(IpcException.class,
                () -> SharedStructure.checkMagic(SyncKind.CONDITION, "x", 0));
        assertTrue(unready.getMessage().contains("never made ready"), unready.getMessage());
    }

    @Test
    void objectNamesAddTheKindSuffixWithinThePortableLimit() {
        assertEquals("jobs.barrier", SyncKind.BARRIER.objectName("jobs"));
        assertEquals("jobs.rwlock", SyncKind.READ_WRITE_LOCK.objectName("jobs"));
        int max = IpcNames.MAX_LENGTH - ".condition".length();
        assertEquals(IpcNames.MAX_LENGTH, SyncKind.CONDITION.objectName("c".repeat(max)).length());
        InvalidNameException tooLong = assertThrows(InvalidNameException.class,
                () -> SyncKind.CONDITION.objectName("c".repeat(max + 1)));
        assertTrue(tooLong.getMessage().contains("at most " + max), tooLong.getMessage());
        assertThrows(InvalidNameException.class, () -> SyncKind.EVENT.objectName("-x"));
        assertThrows(InvalidNameException.class, () -> SyncKind.EVENT.objectName(null));
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
