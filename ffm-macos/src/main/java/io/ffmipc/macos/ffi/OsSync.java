package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CEnumerator;
import io.ffmipc.ffi.CFunction;

/**
 * libsystem_platform's wait-on-address calls ({@code os/os_sync_wait_on_address.h}), public from
 * macOS 14.4: the cross-process futex of macOS when used with the SHARED flags on a word in shared
 * memory. They must be looked up at run time, never linked unconditionally: on an older system the
 * symbols do not exist, and the wait seam falls back to polling.
 *
 * <p>What the provider relies on (libplatform {@code src/os/lock.c}): the size is 4 or 8 and the
 * address aligned to it; the timed wait accepts only {@link #OS_CLOCK_MACH_ABSOLUTE_TIME} and a
 * non-zero RELATIVE timeout in nanoseconds (else EINVAL), and fails with ETIMEDOUT when it expires;
 * any wait may return early with EINTR or EFAULT and is then retried after re-reading the word; a
 * wake with no waiter fails with ENOENT; waits and wakes of one word must pass the same SHARED flag.
 * Declarations only (see {@link LibSystem}).
 */
public final class OsSync {
    private OsSync() {
    }

    /** Enumerators of {@code os_sync_wait_on_address_flags_t} (a 4-byte option set). */
    @CEnumerator
    public static final CConstant OS_SYNC_WAIT_ON_ADDRESS_NONE = CConstant.of("OS_SYNC_WAIT_ON_ADDRESS_NONE", 0);
    /** The waiter and the waker are in different processes, the word in shared memory. */
    @CEnumerator
    public static final CConstant OS_SYNC_WAIT_ON_ADDRESS_SHARED = CConstant.of("OS_SYNC_WAIT_ON_ADDRESS_SHARED", 1);
    @CEnumerator
    public static final CConstant OS_SYNC_WAKE_BY_ADDRESS_NONE = CConstant.of("OS_SYNC_WAKE_BY_ADDRESS_NONE", 0);
    @CEnumerator
    public static final CConstant OS_SYNC_WAKE_BY_ADDRESS_SHARED = CConstant.of("OS_SYNC_WAKE_BY_ADDRESS_SHARED", 1);
    /** The only clock the timed waits accept ({@code os/clock.h}, an {@code os_clockid_t} enumerator). */
    @CEnumerator
    public static final CConstant OS_CLOCK_MACH_ABSOLUTE_TIME = CConstant.of("OS_CLOCK_MACH_ABSOLUTE_TIME", 32);
    public static final CConstant SIZEOF_WAIT_FLAGS = CConstant.of("sizeof(os_sync_wait_on_address_flags_t)", 4);
    public static final CConstant SIZEOF_WAKE_FLAGS = CConstant.of("sizeof(os_sync_wake_by_address_flags_t)", 4);
    public static final CConstant SIZEOF_CLOCKID = CConstant.of("sizeof(os_clockid_t)", 4);

    /** Sleeps while the word at {@code addr} equals {@code value}; returns the waiters left, or -1 with errno. */
    public static final CFunction OS_SYNC_WAIT_ON_ADDRESS = CFunction.of("int os_sync_wait_on_address(void *addr,"
            + " uint64_t value, size_t size, os_sync_wait_on_address_flags_t flags)");
    public static final CFunction OS_SYNC_WAIT_ON_ADDRESS_WITH_TIMEOUT = CFunction.of(
            "int os_sync_wait_on_address_with_timeout(void *addr, uint64_t value, size_t size,"
                    + " os_sync_wait_on_address_flags_t flags, os_clockid_t clockid, uint64_t timeout_ns)");
    public static final CFunction OS_SYNC_WAKE_BY_ADDRESS_ANY = CFunction.of(
            "int os_sync_wake_by_address_any(void *addr, size_t size, os_sync_wake_by_address_flags_t flags)");
    public static final CFunction OS_SYNC_WAKE_BY_ADDRESS_ALL = CFunction.of(
            "int os_sync_wake_by_address_all(void *addr, size_t size, os_sync_wake_by_address_flags_t flags)");
}
