package io.ffmipc.core;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portable size rules and the open-or-create retry, without any OS. */
class SharedMemorySizesTest {

    @Test
    void requestRules() {
        assertDoesNotThrow(() -> SharedMemorySizes.checkRequest("op", "n", OpenMode.OPEN, 0, 10));
        assertDoesNotThrow(() -> SharedMemorySizes.checkRequest("op", "n", OpenMode.CREATE, 10, 10));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> SharedMemorySizes.checkRequest("op", "n", OpenMode.CREATE, 0, 10));
        assertTrue(zero.getMessage().contains("at least 1 byte") && zero.getMessage().contains("'n'"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> SharedMemorySizes.checkRequest("op", "n", OpenMode.OPEN, -1, 10));
        assertTrue(negative.getMessage().contains("must not be negative, got -1"));
        IpcLimitException over = assertThrows(IpcLimitException.class,
                () -> SharedMemorySizes.checkRequest("op", "n", OpenMode.CREATE, 11, 10));
        assertEquals("op 'n' failed: requested size 11 bytes exceeds this system's limit of 10 bytes",
                over.getMessage());
    }

    @Test
    void sizeToMapOfAnExistingObject() {
        assertEquals(100, SharedMemorySizes.sizeToMap("op", "n", 0, 100));
        assertEquals(40, SharedMemorySizes.sizeToMap("op", "n", 40, 100));
        IpcLimitException larger = assertThrows(IpcLimitException.class,
                () -> SharedMemorySizes.sizeToMap("op", "n", 101, 100));
        assertTrue(larger.getMessage().contains("101") && larger.getMessage().contains("100"));
        IpcException empty = assertThrows(IpcException.class, () -> SharedMemorySizes.sizeToMap("op", "n", 0, 0));
        assertTrue(empty.getMessage().contains("empty"));
    }

    @Test
    void openOrCreateRetriesBothRaces() {
        // exists on create, then gone on open, then exists again, then the open wins
        AtomicInteger creates = new AtomicInteger();
        AtomicInteger opens = new AtomicInteger();
        String r = OpenOrCreate.run("op", "n", () -> {
            creates.incrementAndGet();
            throw new IpcObjectExistsException("create", "n", null, null);
        }, () -> {
            if (opens.incrementAndGet() == 1) {
                throw new NoSuchIpcObjectException("open", "n", null, null);
            }
            return "opened";
        });
        assertEquals("opened", r);
        assertEquals(2, creates.get());
        assertEquals(2, opens.get());
        assertEquals("created", OpenOrCreate.run("op", "n", () -> "created", () -> "opened"));
    }

    @Test
    void openOrCreateGivesUpOnALivelock() {
        IpcException e = assertThrows(IpcException.class, () -> OpenOrCreate.run("op", "n",
                () -> {
                    throw new IpcObjectExistsException("create", "n", null, null);
                },
                () -> {
                    throw new NoSuchIpcObjectException("open", "n", null, null);
                }));
        assertTrue(e.getMessage().contains("gave up after " + OpenOrCreate.MAX_ROUNDS));
    }
}
