package io.ffmipc.macos;

import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.linux.ffi.LibC;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Test-only: Linux's shared futex standing in for {@code os_sync_wait_on_address} with the SHARED
 * flags, which does the same on macOS (a wait queue keyed by the backing object, a compare of the
 * 32-bit word, a relative timeout, ETIMEDOUT / EINTR), answering in the same convention
 * (-errno; a wake that finds nobody is -ENOENT), so {@link AddressWaitSeam} runs on Linux.
 */
final class FutexAddressWait implements AddressWait {
    private static final int WAIT = LibC.FUTEX_WAIT.intValue();
    private static final int WAKE = LibC.FUTEX_WAKE.intValue();
    private static final int EAGAIN = LibC.INSTANCE.constant("EAGAIN");
    private static final int ENOENT = LibC.INSTANCE.constant("ENOENT");
    private static final ThreadLocal<MemorySegment> TIMESPEC = ThreadLocal.withInitial(
            () -> Arena.ofAuto().allocate(16, 8));

    @Override
    public String name() {
        return "futex (standing in for os_sync_wait_on_address)";
    }

    @Override
    public int await(MemorySegment word, int expected, long nanos) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment ts = TIMESPEC.get();
        ts.set(ValueLayout.JAVA_LONG, 0, nanos / 1_000_000_000L);
        ts.set(ValueLayout.JAVA_LONG, 8, nanos % 1_000_000_000L);
        if (LibC.futex(st, word.address(), WAIT, expected, ts.address()) == 0) {
            return 0;
        }
        int err = LibC.INSTANCE.errno(st);
        return err == EAGAIN ? 0 : -err; // the word differed: os_sync returns at once too
    }

    @Override
    public int wakeOne(MemorySegment word) {
        return wake(word, 1);
    }

    @Override
    public int wakeAll(MemorySegment word) {
        return wake(word, Integer.MAX_VALUE);
    }

    private static int wake(MemorySegment word, int count) {
        MemorySegment st = NativeBinder.callState();
        long woken = LibC.futex(st, word.address(), WAKE, count, 0);
        if (woken < 0) {
            return -LibC.INSTANCE.errno(st);
        }
        return woken == 0 ? -ENOENT : 0;
    }
}
