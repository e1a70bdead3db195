package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One wait for a non-blocking descriptor (FIFO, socket) to become readable or writable:
 * {@code poll} on one descriptor for at most the given nanoseconds, rounded up to whole
 * milliseconds so it never returns before its time. Slicing, interrupts and deadlines are the
 * portable layer's. Allocation-free: the {@code struct pollfd} is per-thread scratch.
 */
public final class PosixPoll {
    private static final ThreadLocal<MemorySegment> POLLFD = new ThreadLocal<>();
    private final PosixLibrary lib;
    private final long pollfdSize;
    private final StructField fdField;
    private final StructField eventsField;
    private final StructField reventsField;
    private final int eintr;
    /** Readable, or the other end hung up. */
    public final int in;
    /** Writable. */
    public final int out;

    public PosixPoll(PosixLibrary lib) {
        this.lib = lib;
        CStruct pollfd = lib.struct("struct pollfd");
        this.pollfdSize = pollfd.layout().byteSize();
        this.fdField = StructField.of(pollfd, "fd");
        this.eventsField = StructField.of(pollfd, "events");
        this.reventsField = StructField.of(pollfd, "revents");
        this.eintr = lib.constant("EINTR");
        this.in = lib.constant("POLLIN");
        this.out = lib.constant("POLLOUT");
    }

    /**
     * Waits at most {@code nanos} for {@code events} on {@code fd}: the revents (non-zero; they may
     * be error or hang-up bits rather than those asked for), {@link Attempt#TIMED_OUT}, or
     * {@link Attempt#INTERRUPTED} if a signal ended the wait (EINTR).
     */
    public int await(int fd, int events, long nanos, String label) {
        MemorySegment pfd = scratch();
        fdField.set(pfd, fd);
        eventsField.set(pfd, events);
        reventsField.set(pfd, 0);
        MemorySegment st = NativeBinder.callState();
        int millis = (int) Math.min(Integer.MAX_VALUE, (Math.max(0, nanos) + 999_999L) / 1_000_000L);
        int n = lib.poll(st, pfd, 1, millis);
        if (n < 0) {
            int err = lib.errno(st);
            if (err != eintr) {
                throw lib.error("poll", label, err, null);
            }
            return Attempt.INTERRUPTED;
        }
        return n == 0 ? Attempt.TIMED_OUT : (int) reventsField.get(pfd);
    }

    private MemorySegment scratch() {
        MemorySegment s = POLLFD.get();
        if (s == null || s.byteSize() < pollfdSize) {
            s = Arena.ofAuto().allocate(pollfdSize, 8);
            POLLFD.set(s);
        }
        return s;
    }
}
