package io.ffmipc.windows;

import io.ffmipc.MutexStatus;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.function.LongUnaryOperator;

/**
 * Who holds a Windows mutex, as its holders record it: a Windows mutex does not tell its owner, and
 * {@link io.ffmipc.RobustMutex#status()} shows it. The record is a small named mapping beside the
 * mutex ({@code Local\ffmipc.mutexrec.NAME}) that every process using the mutex maps:
 *
 * <pre>
 *  0  int  state      FREE 0, HELD 1, ABANDONED 2 (closed while holding: the next acquirer is told OWNER_DIED)
 *  8  long owner pid  the process that holds it, or held it last
 * 16  long start key  that process's start key (ProcessSeam.startKey), so a reused pid is not taken for it
 * </pre>
 *
 * A holder writes HELD with its pid right after its wait took the mutex, FREE right before it
 * releases, ABANDONED right before it abandons. A holder that is killed writes nothing: HELD with
 * an owner that no longer runs is therefore read as OWNER_DIED. The record is advice for display
 * (a process may lie in it); the lock itself is the kernel's.
 */
final class MutexRecord {
    static final int SIZE = 24;
    private static final int FREE = 0;
    private static final int HELD = 1;
    private static final int ABANDONED = 2;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private MutexRecord() {
    }

    /** This process took the mutex. */
    static void held(MemorySegment record, long pid, long startKey) {
        LONG.setVolatile(record, 8L, pid);
        LONG.setVolatile(record, 16L, startKey);
        INT.setVolatile(record, 0L, HELD);
    }

    /** This process is about to release the mutex properly. */
    static void released(MemorySegment record) {
        INT.setVolatile(record, 0L, FREE);
    }

    /** This process is about to abandon the mutex it holds. */
    static void abandoned(MemorySegment record) {
        INT.setVolatile(record, 0L, ABANDONED);
    }

    /**
     * The status the record shows.
     *
     * @param startKeyOf a process's start key now (0 if it does not run)
     */
    static MutexStatus status(MemorySegment record, LongUnaryOperator startKeyOf) {
        int state = (int) INT.getVolatile(record, 0L);
        long pid = (long) LONG.getVolatile(record, 8L);
        long key = (long) LONG.getVolatile(record, 16L);
        if (state == HELD) {
            boolean runs = pid > 0 && key != 0 && startKeyOf.applyAsLong(pid) == key;
            return new MutexStatus(runs ? MutexStatus.State.HELD : MutexStatus.State.OWNER_DIED, pid > 0 ? pid : -1);
        }
        if (state == ABANDONED) {
            return new MutexStatus(MutexStatus.State.OWNER_DIED, pid > 0 ? pid : -1);
        }
        return new MutexStatus(MutexStatus.State.FREE, -1);
    }
}
