package io.ffmipc;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilityMatrixTest {

    /** Every row native, except the ones overridden. */
    private static CapabilityMatrix.Builder fullExcept(String os, Capability... skipped) {
        CapabilityMatrix.Builder b = CapabilityMatrix.builder(os);
        outer:
        for (Capability c : Capability.values()) {
            for (Capability s : skipped) {
                if (s == c) {
                    continue outer;
                }
            }
            b.set(c, Support.nativeVia("mech-" + c.name()));
        }
        return b;
    }

    @Test
    void missingRowIsRefusedNamingOsAndRow() {
        CapabilityMatrix.Builder b = fullExcept("Plan9", Capability.EVENT);
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertEquals("Plan9 matrix has no cell for EVENT", e.getMessage());
    }

    @Test
    void emptyMatrixIsRefusedAtTheFirstRow() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CapabilityMatrix.builder("X").build());
        assertEquals("X matrix has no cell for " + Capability.values()[0], e.getMessage());
    }

    @Test
    void duplicateRowIsRefusedAndTheFirstCellKept() {
        CapabilityMatrix.Builder b = fullExcept("Plan9", Capability.SEMAPHORE).set(Capability.SEMAPHORE, Support.nativeVia("first"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> b.set(Capability.SEMAPHORE, Support.unsupported("second")));
        assertEquals("Plan9 matrix declares SEMAPHORE twice", e.getMessage());
        assertEquals(Support.nativeVia("first"), b.build().get(Capability.SEMAPHORE));
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThrows(NullPointerException.class, () -> CapabilityMatrix.builder(null));
        assertThrows(NullPointerException.class, () -> CapabilityMatrix.builder("X").set(Capability.EVENT, null));
    }

    @Test
    void cellsAreReadBack() {
        CapabilityMatrix m = fullExcept("Linux", Capability.CHANNEL, Capability.MESSAGE_QUEUE)
                .set(Capability.CHANNEL, Support.emulated("shm ring", "polling wait"))
                .set(Capability.MESSAGE_QUEUE, Support.unsupported("no mq_open"))
                .build();
        assertEquals("Linux", m.os());
        assertEquals(Capability.values().length, m.cells().size());
        assertEquals(new Support.Native("mech-EVENT"), m.get(Capability.EVENT));
        assertEquals(new Support.Emulated("shm ring", "polling wait"), m.get(Capability.CHANNEL));
        assertEquals(new Support.Unsupported("no mq_open"), m.get(Capability.MESSAGE_QUEUE));
        assertThrows(UnsupportedOperationException.class, () -> m.cells().put(Capability.EVENT, Support.unsupported("x")));
    }

    @Test
    void cellsIterateInRowOrder() {
        CapabilityMatrix.Builder b = CapabilityMatrix.builder("X");
        Capability[] all = Capability.values();
        for (int i = all.length - 1; i >= 0; i--) {
            b.set(all[i], Support.nativeVia("m"));
        }
        assertEquals(java.util.List.of(all), java.util.List.copyOf(b.build().cells().keySet()));
    }

    @Test
    void requireReturnsAvailableCells() {
        CapabilityMatrix m = fullExcept("Linux", Capability.CHANNEL)
                .set(Capability.CHANNEL, Support.emulated("ring", "caveat")).build();
        assertSame(m.get(Capability.EVENT), m.require(Capability.EVENT));
        assertSame(m.get(Capability.CHANNEL), m.require(Capability.CHANNEL));
    }

    @Test
    void requireOfUnsupportedThrowsNamingRowAndReason() {
        CapabilityMatrix m = fullExcept("macOS", Capability.MESSAGE_QUEUE)
                .set(Capability.MESSAGE_QUEUE, Support.unsupported("macOS has no POSIX message queues")).build();
        UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class,
                () -> m.require(Capability.MESSAGE_QUEUE));
        assertSame(Capability.MESSAGE_QUEUE, e.capability());
        assertEquals("use message queue, timed, priorities failed: capability MESSAGE_QUEUE is not supported on macOS:"
                + " macOS has no POSIX message queues", e.getMessage());
        assertEquals("use message queue, timed, priorities", e.operation());
        assertTrue(e.objectName().isEmpty());
        assertTrue(e instanceof IpcException);
    }

    @Test
    void supportKindsAndAvailability() {
        Support n = Support.nativeVia("futex");
        Support em = Support.emulated("ring", "slow");
        Support u = Support.unsupported("none");
        assertEquals("NATIVE", n.kind());
        assertEquals("EMULATED", em.kind());
        assertEquals("UNSUPPORTED", u.kind());
        assertTrue(n.available());
        assertTrue(em.available());
        assertFalse(u.available());
    }

    @Test
    void supportToStrings() {
        assertEquals("NATIVE(futex)", Support.nativeVia("futex").toString());
        assertEquals("EMULATED(shm ring; polling)", Support.emulated("shm ring", "polling").toString());
        assertEquals("UNSUPPORTED(no such thing)", Support.unsupported("no such thing").toString());
    }

    @Test
    void supportRecordsExposeTheirParts() {
        Support.Emulated e = (Support.Emulated) Support.emulated("m", "c");
        assertEquals("m", e.mechanism());
        assertEquals("c", e.caveat());
        assertEquals("r", ((Support.Unsupported) Support.unsupported("r")).reason());
        assertEquals("x", ((Support.Native) Support.nativeVia("x")).mechanism());
    }

    @Test
    void matrixToStringListsEveryRowByTitle() {
        CapabilityMatrix m = fullExcept("Linux", Capability.EVENT).set(Capability.EVENT, Support.unsupported("later")).build();
        String s = m.toString();
        assertTrue(s.startsWith("Linux:\n  named shared memory: NATIVE(mech-NAMED_SHARED_MEMORY)\n"), s);
        assertTrue(s.contains("\n  event (signal/wait): UNSUPPORTED(later)\n"), s);
        assertEquals(Capability.values().length + 1, s.split("\n").length);
    }

    @Test
    void everyRowHasADistinctTitle() {
        Map<String, Capability> titles = new java.util.HashMap<>();
        for (Capability c : Capability.values()) {
            assertFalse(c.title().isBlank());
            assertEquals(null, titles.put(c.title(), c), "duplicate title " + c.title());
        }
    }
}
