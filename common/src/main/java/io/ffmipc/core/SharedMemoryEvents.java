package io.ffmipc.core;

import io.ffmipc.EventMode;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.EventSeam;
import io.ffmipc.spi.NativeEvent;
import io.ffmipc.spi.SharedMemorySeam;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.spi.WaitSeam;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Unnamed events for an OS without an event descriptor of its own (macOS has no eventfd): a counter
 * in unnamed shared memory ({@link SharedMemorySeam#createAnonymous}), whose descriptor is the
 * event's handle, so a child inherits it and a peer is handed it like any shared memory; waiters
 * park on a sequence word through the wait seam (os_sync on macOS 14.4+, {@link PollingWaitSeam}
 * before). Written once here, over seams, so it runs on Linux in the tests too.
 *
 * <pre>
 *   0  int  magic   'FFEV', written last by the creator; an adopted handle without it is no event
 *   4  int  mode    1 COUNTER, 2 SEMAPHORE: an adopter must ask for the same
 *   8  int  seq     the wait word: bumped by every signal
 *  12  int  waiters threads between "going to park" and "woken"; a signal wakes only if there are any
 *  16  long count   signals pending, at most {@link #MAX_COUNT}
 * </pre>
 *
 * A signal adds to {@code count}, then bumps {@code seq}, then reads {@code waiters}; a waiter
 * counts itself in {@code waiters}, then reads {@code seq}, then tries to take from {@code count},
 * then parks while {@code seq} is unchanged. All four are volatile accesses, so either the signal
 * sees the waiter and wakes it, or the waiter sees the count or the new {@code seq}: no wake-up is lost.
 * A waiter killed while parked leaves {@code waiters} raised for good: signals then make one wake
 * call too many, nothing worse.
 */
public final class SharedMemoryEvents implements EventSeam {
    /** The most signals that may be pending. */
    public static final long MAX_COUNT = Long.MAX_VALUE;
    static final int MAGIC = 0x46464556; // "FFEV"
    static final long MAGIC_OFFSET = 0;
    static final long MODE_OFFSET = 4;
    static final long SEQ_OFFSET = 8;
    static final long WAITERS_OFFSET = 12;
    static final long COUNT_OFFSET = 16;
    static final int SIZE = 64;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final SharedMemorySeam memory;
    private final WaitSeam waits;

    /** @param waits the provider's wait seam, or {@link PollingWaitSeam#INSTANCE} where it has none */
    public SharedMemoryEvents(SharedMemorySeam memory, WaitSeam waits) {
        this.memory = memory;
        this.waits = waits;
    }

    @Override
    public NativeEvent create(EventMode mode) {
        SharedMemory shm = SeamSharedMemory.anonymous(memory, null, SIZE);
        try {
            MemorySegment s = shm.segment();
            INT.setVolatile(s, MODE_OFFSET, code(mode));
            INT.setRelease(s, MAGIC_OFFSET, MAGIC); // last: the event is complete
            return new Counter(shm, mode);
        } catch (RuntimeException e) {
            shm.close();
            throw e;
        }
    }

    @Override
    public NativeEvent fromHandle(long handle, EventMode mode) {
        return adopt(SeamSharedMemory.fromHandle(memory, () -> handle), mode, "adopt event");
    }

    @Override
    public NativeEvent inherited(String token, EventMode mode) {
        if (token == null) {
            throw new IllegalArgumentException("inherit event: a token is required, the one the parent's launcher"
                    + " gave (fd:N on POSIX systems)");
        }
        return adopt(SeamSharedMemory.inherited(memory, token), mode, "inherit event");
    }

    /** Checks that the memory holds an event of {@code mode}; closes it if not. */
    private NativeEvent adopt(SharedMemory shm, EventMode mode, String operation) {
        try {
            MemorySegment s = shm.segment();
            if (s.byteSize() < SIZE || (int) INT.getAcquire(s, MAGIC_OFFSET) != MAGIC) {
                throw new IpcException(operation, shm.name(), null, "the handle is not an event: its shared memory ("
                        + s.byteSize() + " bytes) does not start with an event's header");
            }
            int found = (int) INT.getVolatile(s, MODE_OFFSET);
            if (found != code(mode)) {
                throw new IllegalArgumentException(operation + " '" + shm.name() + "': the event is in "
                        + (found == code(EventMode.SEMAPHORE) ? "SEMAPHORE" : found == code(EventMode.COUNTER)
                        ? "COUNTER" : "unknown (" + found + ")") + " mode, not " + mode);
            }
            return new Counter(shm, mode);
        } catch (RuntimeException e) {
            shm.close();
            throw e;
        }
    }

    private static int code(EventMode mode) {
        return mode == EventMode.COUNTER ? 1 : 2;
    }

    /** One open event: its memory and the word waiters park on. */
    private final class Counter implements NativeEvent {
        private final SharedMemory shm;
        private final MemorySegment s;
        private final SharedWord seq;
        private final boolean semaphore;
        private final long handle;
        private final String label;

        Counter(SharedMemory shm, EventMode mode) {
            this.shm = shm;
            this.s = shm.segment();
            this.seq = waits.word(shm, SEQ_OFFSET);
            this.semaphore = mode == EventMode.SEMAPHORE;
            this.handle = shm.handle().orElseThrow().osHandle();
            this.label = "event in shared memory (handle " + handle + ")";
        }

        @Override
        public long handle() {
            return handle;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public void signal(long count) {
            while (true) {
                long old = (long) LONG.getVolatile(s, COUNT_OFFSET);
                if (old > MAX_COUNT - count) {
                    throw new IpcLimitException("signal event", label, null, "the event holds " + old
                            + " signals; " + count + " more would pass the maximum of " + MAX_COUNT);
                }
                if (LONG.compareAndSet(s, COUNT_OFFSET, old, old + count)) {
                    break;
                }
            }
            INT.getAndAdd(s, SEQ_OFFSET, 1);
            if ((int) INT.getVolatile(s, WAITERS_OFFSET) > 0) {
                if (semaphore && count < Integer.MAX_VALUE) {
                    seq.wake((int) count);
                } else {
                    seq.wakeAll();
                }
            }
        }

        @Override
        public long poll() {
            while (true) {
                long old = (long) LONG.getVolatile(s, COUNT_OFFSET);
                if (old == 0) {
                    return 0;
                }
                long take = semaphore ? 1 : old;
                if (LONG.compareAndSet(s, COUNT_OFFSET, old, old - take)) {
                    return take;
                }
            }
        }

        /** One attempt: what is pending, or a park of at most {@code nanos}; a wake-up another process took first is INTERRUPTED. */
        @Override
        public long await(long nanos) {
            INT.getAndAdd(s, WAITERS_OFFSET, 1);
            int r;
            try {
                int observed = (int) INT.getVolatile(s, SEQ_OFFSET);
                long got = poll();
                if (got != 0) {
                    return got;
                }
                r = seq.await(observed, nanos);
            } finally {
                INT.getAndAdd(s, WAITERS_OFFSET, -1);
            }
            if (r == Attempt.TIMED_OUT || r == Attempt.INTERRUPTED) {
                return r;
            }
            long got = poll();
            return got != 0 ? got : Attempt.INTERRUPTED;
        }

        @Override
        public void close() {
            seq.close();
            shm.close();
        }
    }
}
