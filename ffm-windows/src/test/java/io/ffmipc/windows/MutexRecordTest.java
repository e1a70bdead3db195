package io.ffmipc.windows;

import io.ffmipc.MutexStatus;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MutexRecordTest {

    @Test
    void theRecordShowsHolderDeathAndRelease() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment r = arena.allocate(MutexRecord.SIZE);
            assertEquals(new MutexStatus(MutexStatus.State.FREE, -1), MutexRecord.status(r, pid -> 0));
            MutexRecord.held(r, 42, 777);
            assertEquals(new MutexStatus(MutexStatus.State.HELD, 42), MutexRecord.status(r, pid -> pid == 42 ? 777 : 0));
            assertEquals(new MutexStatus(MutexStatus.State.OWNER_DIED, 42), MutexRecord.status(r, pid -> 0),
                    "killed while holding: it wrote nothing, and no longer runs");
            assertEquals(new MutexStatus(MutexStatus.State.OWNER_DIED, 42), MutexRecord.status(r, pid -> 778),
                    "the pid now names a later process");
            MutexRecord.released(r);
            assertEquals(new MutexStatus(MutexStatus.State.FREE, -1), MutexRecord.status(r, pid -> 777));
            MutexRecord.held(r, 43, 9);
            MutexRecord.abandoned(r);
            assertEquals(new MutexStatus(MutexStatus.State.OWNER_DIED, 43), MutexRecord.status(r, pid -> 9),
                    "closed while holding, by a process that still runs");
        }
    }
}
