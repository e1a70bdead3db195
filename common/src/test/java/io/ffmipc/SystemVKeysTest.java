package io.ffmipc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SystemVKeysTest {

    @Test
    void labelNamesKindAndHexKey() {
        assertEquals("System V message queue key 0x7f100001", SystemVKeys.label("message queue", 0x7f100001));
        assertEquals("System V semaphore set key 0xffffffff", SystemVKeys.label("semaphore set", -1));
    }

    @Test
    void ipcPrivateIsRefusedWithTheLabelAndTheReason() {
        String label = SystemVKeys.label("semaphore set", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SystemVKeys.requireShareable(label, 0));
        assertEquals("System V semaphore set key 0x0: key 0 is IPC_PRIVATE, which no other process can open;"
                + " choose a key", e.getMessage());
    }

    @Test
    void minusOneIsRefusedLikeIpcPrivate() {
        String label = SystemVKeys.label("message queue", -1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SystemVKeys.requireShareable(label, -1));
        assertEquals("System V message queue key 0xffffffff: key -1 (0xffffffff) is what a failed ftok returns,"
                + " shared by every program whose ftok failed; choose another key", e.getMessage());
        assertFalse(SystemVKeys.isShareable(-1));
        assertFalse(SystemVKeys.isShareable(0));
    }

    @Test
    void anyOtherKeyIsAccepted() {
        assertDoesNotThrow(() -> SystemVKeys.requireShareable("k", 1));
        assertDoesNotThrow(() -> SystemVKeys.requireShareable("k", -2));
        assertDoesNotThrow(() -> SystemVKeys.requireShareable("k", Integer.MIN_VALUE));
        assertDoesNotThrow(() -> SystemVKeys.requireShareable("k", 0x7f1fffff));
    }
}
