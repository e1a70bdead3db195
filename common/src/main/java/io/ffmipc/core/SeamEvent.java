package io.ffmipc.core;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Inheritable;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.EventSeam;
import io.ffmipc.spi.NativeEvent;

import java.time.Duration;

/**
 * An unnamed {@link Event} on any OS, over an {@link EventSeam} (eventfd on Linux): the seam
 * signals once, consumes once, waits once for at most a slice; here are the argument rules, the
 * close guard and the wait loop. A wait takes what is pending first; otherwise it waits in slices
 * of at most 50 ms ({@link WaitSlices}), so interrupts and a concurrent {@link #close()} are seen
 * between slices, and a wake-up whose signal another process took first just waits again.
 * Allocation-free: the deadline is primitive ({@link Deadline#nanosAfter}).
 */
public final class SeamEvent implements Event {
    private static final String WAIT = "wait for event";
    private final NativeEvent object;
    private final EventMode mode;
    private final String label;
    private final CloseGuard guard;

    private SeamEvent(NativeEvent object, EventMode mode) {
        this.object = object;
        this.mode = mode;
        this.label = object.label();
        this.guard = new CloseGuard("event", label);
    }

    /** A new event with no signal pending, handed to children only through a launcher. */
    public static Event create(EventSeam seam, EventMode mode) {
        return new SeamEvent(seam.create(requireMode(mode)), mode);
    }

    /** In a child: the event its parent handed over as {@code token}, which the result takes over. */
    public static Event inherited(EventSeam seam, String token, EventMode mode) {
        return new SeamEvent(seam.inherited(token, requireMode(mode)), mode);
    }

    /** An event on a copy of a handle this process holds; the caller keeps and closes its own. */
    public static Event fromHandle(EventSeam seam, Inheritable handle, EventMode mode) {
        requireMode(mode);
        if (handle == null) {
            throw new IllegalArgumentException("adopt event: a handle is required");
        }
        return new SeamEvent(seam.fromHandle(handle.osHandle(), mode), mode);
    }

    private static EventMode requireMode(EventMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("event mode is required (COUNTER or SEMAPHORE)");
        }
        return mode;
    }

    @Override
    public EventMode mode() {
        return mode;
    }

    @Override
    public long osHandle() {
        guard.checkOpen();
        return object.handle();
    }

    @Override
    public void signal() {
        signal(1);
    }

    @Override
    public void signal(long count) {
        if (count < 1) {
            throw new IllegalArgumentException(label + ": signal count must be at least 1, got " + count);
        }
        guard.enter();
        try {
            object.signal(count);
        } finally {
            guard.exit();
        }
    }

    @Override
    public long await(Duration timeout) {
        if (timeout == null) {
            throw new IllegalArgumentException(label + ": timeout is required");
        }
        long deadline = Deadline.nanosAfter(timeout); // primitive: the wait allocates nothing
        guard.enter();
        try {
            while (true) {
                // Before every take: an interrupted or closed waiter gets the exception, not a signal
                // that arrived meanwhile.
                WaitSlices.checkInterrupt(WAIT, label);
                guard.checkOpen();
                long got = object.poll();
                if (got != 0) {
                    return got; // a count, unsigned: eventfd's counter goes up to 2^64 - 2
                }
                long slice = WaitSlices.next(deadline);
                if (slice <= 0) {
                    return 0;
                }
                long woken = object.await(slice);
                if (woken != Attempt.TIMED_OUT && woken != Attempt.INTERRUPTED) {
                    return woken;
                }
                // TIMED_OUT at the end of a slice, or INTERRUPTED (a signal, or another process took
                // the event first): go round with the time left.
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public long poll() {
        guard.enter();
        try {
            return object.poll();
        } finally {
            guard.exit();
        }
    }

    @Override
    public void close() {
        if (guard.close()) {
            object.close();
        }
    }

    @Override
    public String toString() {
        return "event (" + label + ", " + mode + (guard.isClosed() ? ", closed)" : ")");
    }
}
