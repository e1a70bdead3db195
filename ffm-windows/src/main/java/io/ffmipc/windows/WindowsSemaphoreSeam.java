package io.ffmipc.windows;

import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.NativeSemaphore;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.SemaphoreSeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Named counting semaphores on Windows: CreateSemaphoreW with the largest maximum Windows allows
 * (LONG_MAX), OpenSemaphoreW, a wait of one slice with WaitForSingleObject, ReleaseSemaphore (past
 * the maximum ERROR_TOO_MANY_POSTS, the count unchanged: {@link IpcLimitException}). No documented
 * call reads a semaphore's count, so {@link NativeSemaphore#value()} says it cannot (-1) and the
 * portable layer explains. Names die with their last handle: {@link #unlink} removes nothing.
 */
final class WindowsSemaphoreSeam implements SemaphoreSeam {
    static final int MAX_VALUE = Integer.MAX_VALUE;
    private static final int ERROR_ALREADY_EXISTS = WinError.code(WinError.ERROR_ALREADY_EXISTS);
    private static final int ERROR_INVALID_HANDLE = WinError.code(WinError.ERROR_INVALID_HANDLE);
    private static final int ERROR_TOO_MANY_POSTS = WinError.code(WinError.ERROR_TOO_MANY_POSTS);
    private final WindowsNames names;
    private final Security security;

    WindowsSemaphoreSeam(WindowsNames names, Security security) {
        this.names = names;
        this.security = security;
    }

    @Override
    public int maxValue() {
        return MAX_VALUE;
    }

    @Override
    public NativeSemaphore create(String name, int initialValue, Permissions permissions) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment h = Kernel32.createSemaphoreW(st, security.attributes(a, permissions), initialValue, MAX_VALUE,
                    Win32.wide(a, names.semaphore(name)));
            if (Win32.failed(h)) {
                throw WindowsSharedMemorySeam.createError(names, "CreateSemaphoreW", name, st);
            }
            if (Win32.lastError(st) == ERROR_ALREADY_EXISTS) {
                Win32.closeQuietly(h);
                throw new IpcObjectExistsException("create semaphore", name, WinError.osError(ERROR_ALREADY_EXISTS), null);
            }
            return new Handle(name, h, security.user());
        }
    }

    @Override
    public NativeSemaphore open(String name) {
        MemorySegment h;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int access = Kernel32Abi.SEMAPHORE_MODIFY_STATE.intValue() | Kernel32Abi.SYNCHRONIZE.intValue()
                    | Kernel32Abi.READ_CONTROL.intValue();
            h = Kernel32.openSemaphoreW(st, access, Win32.FALSE, Win32.wide(a, names.semaphore(name)));
            if (Win32.failed(h)) {
                int e = Win32.lastError(st);
                throw WinError.exception("OpenSemaphoreW", name, e, e == ERROR_INVALID_HANDLE
                        ? "the name is taken by a kernel object of another type (not one this library made)" : null);
            }
        }
        try {
            return new Handle(name, h, Security.ownerOf(h, Security.KERNEL_OBJECT, name));
        } catch (RuntimeException e) {
            Win32.closeQuietly(h);
            throw e;
        }
    }

    /** Nothing to remove: the name lives while a handle on it does. */
    @Override
    public boolean unlink(String name) {
        IpcNames.validate(name);
        return false;
    }

    /** An open semaphore handle; every call allocates nothing. */
    private static final class Handle implements NativeSemaphore {
        private final String name;
        private final MemorySegment h;
        private final ObjectOwner owner;

        Handle(String name, MemorySegment h, ObjectOwner owner) {
            this.name = name;
            this.h = h;
            this.owner = owner;
        }

        @Override
        public ObjectOwner owner() {
            return owner;
        }

        @Override
        public boolean tryAcquire() {
            return waitOnce(0) == Attempt.DONE;
        }

        @Override
        public int acquire(long nanos) {
            return waitOnce(EventCounter.millisRoundedUp(nanos));
        }

        private int waitOnce(int millis) {
            return Win32.signalled(h, millis, name) ? Attempt.DONE : Attempt.TIMED_OUT;
        }

        @Override
        public boolean timedWait() {
            return true;
        }

        @Override
        public void release() {
            MemorySegment st = NativeBinder.callState();
            if (Kernel32.releaseSemaphore(st, h, 1, MemorySegment.NULL) == 0) {
                int e = Win32.lastError(st);
                throw WinError.exception("release semaphore", name, e, e == ERROR_TOO_MANY_POSTS
                        ? "the semaphore is at its maximum value (" + MAX_VALUE + "); the count is unchanged" : null);
            }
        }

        /** No documented call reads a semaphore's count without changing it. */
        @Override
        public int value() {
            return -1;
        }

        @Override
        public void close() {
            Win32.close(h, name);
        }
    }
}
