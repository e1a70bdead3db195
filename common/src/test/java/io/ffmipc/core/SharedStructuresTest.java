package io.ffmipc.core;

import io.ffmipc.ChannelVersionException;
import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcNames;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle's rules that need no OS: magic words, their refusals, stored names. */
class SharedStructuresTest {

    @Test
    void everyKindHasItsOwnNonZeroMagicWithItsVersionInTheLowHalf() {
        Set<Integer> magics = new HashSet<>();
        for (StructureKind k : StructureKind.values()) {
            int m = k.magic();
            assertTrue(m != 0, "0 means 'not ready'");
            assertTrue(magics.add(m), "each kind has its own magic");
            assertEquals(k.version(), m & 0xffff);
            assertEquals(k, StructureKind.byMagic(m));
            assertEquals(k, StructureKind.byTag(k.tag()));
        }
        assertNull(StructureKind.byMagic(0x12345678));
    }

    @Test
    void checkMagicNamesWhatIsWrong() {
        SharedStructures.checkMagic(StructureKind.EVENT, "x", StructureKind.EVENT.magic());
        ChannelVersionException version = assertThrows(ChannelVersionException.class,
                () -> SharedStructures.checkMagic(StructureKind.CHANNEL, "x", (StructureKind.CHANNEL.magic() & 0xffff0000) | 7));
        assertTrue(version.getMessage().contains("layout version 7") && version.getMessage()
                .contains("layout version " + StructureKind.CHANNEL.version() + " only"), version.getMessage());
        ChannelVersionException kind = assertThrows(ChannelVersionException.class,
                () -> SharedStructures.checkMagic(StructureKind.EVENT, "x", StructureKind.BARRIER.magic()));
        assertTrue(kind.getMessage().contains("holds a barrier, not an event"), kind.getMessage());
        assertTrue(kind.getMessage().startsWith("open event 'x' failed"), kind.getMessage());
        ChannelVersionException queue = assertThrows(ChannelVersionException.class,
                () -> SharedStructures.checkMagic(StructureKind.MESSAGE_QUEUE, "q", StructureKind.CHANNEL.magic()));
        assertTrue(queue.getMessage().contains("holds a channel, not a message queue"), queue.getMessage());
        ChannelVersionException foreign = assertThrows(ChannelVersionException.class,
                () -> SharedStructures.checkMagic(StructureKind.CONDITION, "x", 0x12345678));
        assertTrue(foreign.getMessage().contains("not a condition of this library (magic word 0x12345678"),
                foreign.getMessage());
    }

    /** Issue 8 §3: each kind lives in its own part of the namespace, apart from users' shared memory. */
    @Test
    void storedNamesAreAPrivateNamespacePerKindThatNoPortableNameReaches() {
        assertEquals(".channel.jobs", StructureKind.CHANNEL.storedName("jobs"));
        assertEquals(".barrier.jobs", StructureKind.BARRIER.storedName("jobs"));
        Set<String> stored = new HashSet<>();
        for (StructureKind k : StructureKind.values()) {
            String s = k.storedName("jobs");
            assertTrue(stored.add(s), s);
            assertThrows(InvalidNameException.class, () -> IpcNames.validate(s), "a portable name never equals " + s);
            assertEquals(s, IpcNames.validateStored(s));
        }
        assertThrows(InvalidNameException.class, () -> StructureKind.EVENT.storedName("-x"));
        assertThrows(InvalidNameException.class, () -> StructureKind.EVENT.storedName(null));
        assertThrows(InvalidNameException.class, () -> IpcNames.validateStored(".Channel.x"));
        assertThrows(InvalidNameException.class, () -> IpcNames.validateStored(".channel"));
        assertThrows(InvalidNameException.class, () -> IpcNames.validateStored(".channel.-x"));
        String longest = StructureKind.CONDITION.storedName("c".repeat(IpcNames.MAX_LENGTH));
        assertTrue(IpcNames.posix(longest).length() <= 255, "fits NAME_MAX with the slash");
    }
}
