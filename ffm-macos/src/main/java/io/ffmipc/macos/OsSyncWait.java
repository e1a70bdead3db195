package io.ffmipc.macos;

import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.macos.ffi.MacosDeclarations;
import io.ffmipc.macos.ffi.MacosLinker;
import io.ffmipc.macos.ffi.OsSync;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * {@code os_sync_wait_on_address_with_timeout} and {@code os_sync_wake_by_address_any|all} with the
 * SHARED flags: public API from macOS 14.4, looked up at run time (a hard link would keep the
 * library from loading on older systems). The timed wait takes only the Mach absolute-time clock
 * and a relative timeout in nanoseconds.
 */
final class OsSyncWait implements AddressWait {
    private static final int WAIT_SHARED = MacosDeclarations.value(OsSync.OS_SYNC_WAIT_ON_ADDRESS_SHARED);
    private static final int WAKE_SHARED = MacosDeclarations.value(OsSync.OS_SYNC_WAKE_BY_ADDRESS_SHARED);
    private static final int CLOCK = MacosDeclarations.value(OsSync.OS_CLOCK_MACH_ABSOLUTE_TIME);
    private final MacosLinker linker;
    private final MethodHandle await;
    private final MethodHandle wakeAny;
    private final MethodHandle wakeAll;

    private OsSyncWait(MacosLinker linker, MethodHandle await, MethodHandle wakeAny, MethodHandle wakeAll) {
        this.linker = linker;
        this.await = await;
        this.wakeAny = wakeAny;
        this.wakeAll = wakeAll;
    }

    /** The calls, or empty on a macOS without them (before 14.4). */
    static Optional<AddressWait> lookUp(MacosLinker linker) {
        Optional<MethodHandle> wait = linker.optional(OsSync.OS_SYNC_WAIT_ON_ADDRESS_WITH_TIMEOUT);
        Optional<MethodHandle> any = linker.optional(OsSync.OS_SYNC_WAKE_BY_ADDRESS_ANY);
        Optional<MethodHandle> all = linker.optional(OsSync.OS_SYNC_WAKE_BY_ADDRESS_ALL);
        if (wait.isEmpty() || any.isEmpty() || all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OsSyncWait(linker, wait.get(), any.get(), all.get()));
    }

    @Override
    public String name() {
        return "os_sync_wait_on_address";
    }

    /** The 32-bit word is compared zero-extended (xnu's ulock reads it as a uint32_t). */
    @Override
    public int await(MemorySegment word, int expected, long nanos) {
        MemorySegment st = NativeBinder.callState();
        try {
            int r = (int) await.invokeExact(st, word, Integer.toUnsignedLong(expected), 4L, WAIT_SHARED, CLOCK, nanos);
            return r >= 0 ? r : -linker.lastError(st);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    @Override
    public int wakeOne(MemorySegment word) {
        return wake(wakeAny, word);
    }

    @Override
    public int wakeAll(MemorySegment word) {
        return wake(wakeAll, word);
    }

    private int wake(MethodHandle h, MemorySegment word) {
        MemorySegment st = NativeBinder.callState();
        try {
            int r = (int) h.invokeExact(st, word, 4L, WAKE_SHARED);
            return r >= 0 ? r : -linker.lastError(st);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }
}
