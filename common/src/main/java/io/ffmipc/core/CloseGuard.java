package io.ffmipc.core;

import io.ffmipc.spi.IpcErrors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes {@code close()} safe against calls still running in other threads: every operation on a
 * native handle runs between {@link #enter} and {@link #exit}, and {@link #close} marks the object
 * closed and then waits until no operation is inside. Without it, a descriptor closed under a
 * waiting thread could be reused by an unrelated open, or a semaphore unmapped under
 * {@code sem_wait}. Blocking operations wait in bounded slices and re-check {@link #isClosed()},
 * so close waits at most one slice. Allocation-free.
 */
public final class CloseGuard {
    private static final int CLOSED = 1 << 30;
    private final AtomicInteger state = new AtomicInteger();
    private final String what;
    private final String name;

    /** @param what the kind of object, for the message ("semaphore"); @param name its name */
    public CloseGuard(String what, String name) {
        this.what = what;
        this.name = name;
    }

    /** Registers a running operation; {@link IllegalStateException} if the object is closed. */
    public void enter() {
        if (state.incrementAndGet() >= CLOSED) {
            state.decrementAndGet();
            throw IpcErrors.closed(what, name);
        }
    }

    /** Ends an operation begun with {@link #enter}. */
    public void exit() {
        state.decrementAndGet();
    }

    public boolean isClosed() {
        return state.get() >= CLOSED;
    }

    /** Throws {@link IllegalStateException} if the object has been closed (for a waiter between slices). */
    public void checkOpen() {
        if (isClosed()) {
            throw IpcErrors.closed(what, name);
        }
    }

    /**
     * Marks the object closed and waits until no operation is inside. Returns {@code true} exactly
     * once, to the caller that must release the native resource.
     */
    public boolean close() {
        int s;
        do {
            s = state.get();
            if (s >= CLOSED) {
                return false;
            }
        } while (!state.compareAndSet(s, s | CLOSED));
        boolean interrupted = false;
        while (state.get() != CLOSED) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
