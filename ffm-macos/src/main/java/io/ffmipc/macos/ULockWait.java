package io.ffmipc.macos;

import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.macos.ffi.MacosDeclarations;
import io.ffmipc.macos.ffi.MacosLinker;
import io.ffmipc.macos.ffi.ULock;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The private {@code __ulock_wait2}/{@code __ulock_wake} system calls that os_sync is a thin layer
 * over (libplatform's {@code src/os/lock.c} calls exactly these, with the same operation and
 * {@code ULF_NO_ERRNO}): the cross-process wait of macOS 11 to 14.3. Used only when the application
 * opts in ({@link MacosWaits#ULOCK_PROPERTY}): they are not API, and App Store review has rejected
 * apps that call them.
 */
final class ULockWait implements AddressWait {
    private static final int WAIT = MacosDeclarations.value(ULock.UL_COMPARE_AND_WAIT_SHARED) | MacosDeclarations.value(ULock.ULF_NO_ERRNO);
    private static final int WAKE_ONE = WAIT;
    private static final int WAKE_ALL = WAIT | MacosDeclarations.value(ULock.ULF_WAKE_ALL);
    private final MethodHandle await;
    private final MethodHandle wake;

    private ULockWait(MethodHandle await, MethodHandle wake) {
        this.await = await;
        this.wake = wake;
    }

    /** The calls, or empty where this macOS lacks them ({@code __ulock_wait2} is macOS 11+). */
    static Optional<AddressWait> lookUp(MacosLinker linker) {
        Optional<MethodHandle> wait = linker.optional(ULock.ULOCK_WAIT2);
        Optional<MethodHandle> wake = linker.optional(ULock.ULOCK_WAKE);
        return wait.isPresent() && wake.isPresent() ? Optional.of(new ULockWait(wait.get(), wake.get()))
                : Optional.empty();
    }

    @Override
    public String name() {
        return "__ulock_wait2";
    }

    /** With ULF_NO_ERRNO the call returns minus the errno itself; the timeout is relative, in nanoseconds. */
    @Override
    public int await(MemorySegment word, int expected, long nanos) {
        try {
            return (int) await.invokeExact(NativeBinder.callState(), WAIT, word, Integer.toUnsignedLong(expected), nanos, 0L);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    @Override
    public int wakeOne(MemorySegment word) {
        return wake(WAKE_ONE, word);
    }

    @Override
    public int wakeAll(MemorySegment word) {
        return wake(WAKE_ALL, word);
    }

    private int wake(int operation, MemorySegment word) {
        try {
            return (int) wake.invokeExact(NativeBinder.callState(), operation, word, 0L);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }
}
