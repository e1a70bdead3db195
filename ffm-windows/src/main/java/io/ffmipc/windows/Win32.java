package io.ffmipc.windows;

import io.ffmipc.IpcException;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The small things every Windows seam does with kernel32: HANDLEs as segments, wide strings, the
 * error of the last failed call, closing. Windows only (it links kernel32).
 */
final class Win32 {
    /** What CreateFileW and CreateNamedPipeW return on failure ((HANDLE) -1); the others return NULL. */
    static final long INVALID_HANDLE_VALUE = -1;
    static final int TRUE = 1;
    static final int FALSE = 0;
    static final int WAIT_OBJECT_0 = Kernel32Abi.WAIT_OBJECT_0.intValue();
    static final int WAIT_ABANDONED = Kernel32Abi.WAIT_ABANDONED.intValue();
    static final int WAIT_TIMEOUT = Kernel32Abi.WAIT_TIMEOUT.intValue();
    static final int DUPLICATE_SAME_ACCESS = Kernel32Abi.DUPLICATE_SAME_ACCESS.intValue();

    private Win32() {
    }

    /** A HANDLE value as the segment a downcall takes. */
    static MemorySegment handle(long value) {
        return MemorySegment.ofAddress(value);
    }

    /** Whether a returned HANDLE is one of the two failure values (NULL, INVALID_HANDLE_VALUE). */
    static boolean failed(MemorySegment h) {
        return h.address() == 0 || h.address() == INVALID_HANDLE_VALUE;
    }

    /** A NUL-terminated UTF-16 string, as the W functions take. */
    static MemorySegment wide(Arena arena, String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_16LE);
        MemorySegment m = arena.allocate(b.length, 2);
        MemorySegment.copy(b, 0, m, ValueLayout.JAVA_BYTE, 0, b.length);
        return m;
    }

    /** A NUL-terminated UTF-16 string the system wrote at {@code address}. */
    static String wideString(MemorySegment address) {
        MemorySegment s = address.reinterpret(Integer.MAX_VALUE);
        int n = 0;
        while (s.get(ValueLayout.JAVA_CHAR_UNALIGNED, 2L * n) != 0) {
            n++;
        }
        char[] chars = new char[n];
        MemorySegment.copy(s, ValueLayout.JAVA_CHAR_UNALIGNED, 0, chars, 0, n);
        return new String(chars);
    }

    /** The GetLastError code the last call on this thread captured. */
    static int lastError(MemorySegment callState) {
        return Kernel32.lastError(callState);
    }

    /** The typed exception of the last failed call. */
    static IpcException error(String operation, String name, MemorySegment callState) {
        return WinError.exception(operation, name, Kernel32.lastError(callState));
    }

    static IpcException error(String operation, String name, MemorySegment callState, String detail) {
        return WinError.exception(operation, name, Kernel32.lastError(callState), detail);
    }

    /**
     * One WaitForSingleObject of at most {@code millis}: true if the object was signalled (a unit
     * taken, an event set), false at the timeout; a failed wait is a typed error naming {@code label}.
     */
    static boolean signalled(MemorySegment h, int millis, String label) {
        MemorySegment st = NativeBinder.callState();
        int r = Kernel32.waitForSingleObject(st, h, millis);
        if (r == WAIT_OBJECT_0) {
            return true;
        }
        if (r == WAIT_TIMEOUT) {
            return false;
        }
        throw error("WaitForSingleObject", label, st);
    }

    /** Closes a handle; a failure is an error of the caller's operation. */
    static void close(MemorySegment h, String name) {
        MemorySegment st = NativeBinder.callState();
        if (Kernel32.closeHandle(st, h) == 0) {
            throw error("CloseHandle", name, st);
        }
    }

    /** Closes a handle on a path that is already failing: a second error would hide the first. */
    static void closeQuietly(MemorySegment h) {
        if (h != null && !failed(h)) {
            Kernel32.closeHandle(NativeBinder.callState(), h);
        }
    }

    /** A copy of a handle of this process, in this process (DuplicateHandle with the same access). */
    static MemorySegment duplicate(long handle, String operation, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment out = a.allocate(ValueLayout.ADDRESS);
            MemorySegment self = Kernel32.getCurrentProcess();
            if (Kernel32.duplicateHandle(st, self, handle(handle), self, out, 0, FALSE, DUPLICATE_SAME_ACCESS) == 0) {
                throw error(operation, label, st, "handle " + handle + " is not open in this process");
            }
            return out.get(ValueLayout.ADDRESS, 0);
        }
    }

    /** Checks that a handle is open in this process (GetHandleInformation). */
    static void requireOpen(long handle, String operation, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            if (Kernel32.getHandleInformation(st, handle(handle), a.allocate(ValueLayout.JAVA_INT)) == 0) {
                throw error(operation, label, st, "handle " + handle + " is not open in this process");
            }
        }
    }
}
