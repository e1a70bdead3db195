package io.ffmipc.windows;

import io.ffmipc.EventMode;
import io.ffmipc.IpcLimitException;
import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.EventSeam;
import io.ffmipc.spi.NativeEvent;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Unnamed events on Windows: one unnamed semaphore each (the protocol is {@link EventCounter}), so
 * the event is one HANDLE that a child inherits or a peer is handed. Windows cannot tell what kind
 * of object a handle is without undocumented calls: a handle that is no semaphore is only noticed
 * at its first signal or wait, as a typed error (ERROR_INVALID_HANDLE).
 */
final class WindowsEventSeam implements EventSeam {
    private static final int ERROR_TOO_MANY_POSTS = WinError.code(WinError.ERROR_TOO_MANY_POSTS);
    private final Security security;

    WindowsEventSeam(Security security) {
        this.security = security;
    }

    @Override
    public NativeEvent create(EventMode mode) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment h = Kernel32.createSemaphoreW(st, security.attributes(a, Permissions.OWNER_ONLY), 0,
                    EventCounter.MAX_COUNT, MemorySegment.NULL);
            if (Win32.failed(h)) {
                throw Win32.error("CreateSemaphoreW", "event", st, "an unnamed semaphore for an event");
            }
            return new Units(h, mode);
        }
    }

    @Override
    public NativeEvent fromHandle(long handle, EventMode mode) {
        return new Units(Win32.duplicate(handle, "adopt event", "event handle " + handle), mode);
    }

    @Override
    public NativeEvent inherited(String token, EventMode mode) {
        long handle = HandleTokens.handle(token, "event");
        Win32.requireOpen(handle, "inherit event", token);
        return new Units(Win32.handle(handle), mode);
    }

    /** The event's semaphore: the units of {@link EventCounter}. Allocation-free. */
    private static final class Units implements NativeEvent, EventCounter.Units {
        private final MemorySegment h;
        private final String label;
        private final EventMode mode;

        Units(MemorySegment h, EventMode mode) {
            this.h = h;
            this.mode = mode;
            this.label = "event handle " + h.address();
        }

        @Override
        public long handle() {
            return h.address();
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public void signal(long count) {
            EventCounter.signal(this, count, label);
        }

        @Override
        public long poll() {
            return EventCounter.poll(this, mode);
        }

        @Override
        public long await(long nanos) {
            return EventCounter.await(this, mode, nanos);
        }

        @Override
        public boolean tryTake() {
            return take(0);
        }

        @Override
        public boolean take(int millis) {
            return Win32.signalled(h, millis, label);
        }

        @Override
        public void add(int count) {
            MemorySegment st = NativeBinder.callState();
            if (Kernel32.releaseSemaphore(st, h, count, MemorySegment.NULL) == 0) {
                int e = Win32.lastError(st);
                if (e == ERROR_TOO_MANY_POSTS) {
                    throw new IpcLimitException("signal event", label, WinError.osError(e), "adding " + count
                            + " would pass the event's maximum of " + EventCounter.MAX_COUNT + " pending signals");
                }
                throw WinError.exception("ReleaseSemaphore", label, e, null);
            }
        }

        @Override
        public void close() {
            Win32.close(h, label);
        }
    }
}
