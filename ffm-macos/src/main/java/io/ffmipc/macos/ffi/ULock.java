package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.AbiHeaders;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.Target;

/**
 * The private {@code __ulock_wait}/{@code __ulock_wake} system calls that os_sync is built on,
 * for macOS before 14.4, used ONLY when the application opts in: they are not API (their header,
 * xnu's {@code bsd/sys/ulock.h}, is private and absent from the SDK), and App Store review has
 * rejected apps that call them. Values from that header; {@code __ulock_wait}'s timeout is in
 * microseconds (0: none), {@code __ulock_wait2}'s in nanoseconds (macOS 11+), per xnu's
 * {@code bsd/kern/sys_ulock.c}.
 *
 * <p>Because the SDK has no such header, this class is {@link PrivateInterface}: the SDK compile on
 * the macOS CI legs leaves it out, and the facts table (compiled here against xnu's open-source
 * header) is its only check. Declarations only (see {@link LibSystem}).
 */
@AbiHeaders(targets = {Target.MACOS_ARM64, Target.MACOS_X86_64}, define = "PRIVATE=1",
        include = {"sys/types.h", "mach/port.h", "sys/ulock.h"})
@PrivateInterface("xnu's bsd/sys/ulock.h is a private header: the SDK does not ship it")
public final class ULock {
    private ULock() {
    }

    /** Compare-and-wait on a 32-bit word, process-private. */
    public static final CConstant UL_COMPARE_AND_WAIT = CConstant.of("UL_COMPARE_AND_WAIT", 1);
    /** Compare-and-wait on a 32-bit word in shared memory (waiter and waker in different processes). */
    public static final CConstant UL_COMPARE_AND_WAIT_SHARED = CConstant.of("UL_COMPARE_AND_WAIT_SHARED", 3);
    public static final CConstant UL_COMPARE_AND_WAIT64 = CConstant.of("UL_COMPARE_AND_WAIT64", 5);
    public static final CConstant UL_COMPARE_AND_WAIT64_SHARED = CConstant.of("UL_COMPARE_AND_WAIT64_SHARED", 6);
    /** Wake every waiter (the default wakes one). */
    public static final CConstant ULF_WAKE_ALL = CConstant.of("ULF_WAKE_ALL", 0x100);
    /** Return the error as a negative result instead of setting errno. */
    public static final CConstant ULF_NO_ERRNO = CConstant.of("ULF_NO_ERRNO", 0x01000000);

    public static final CFunction ULOCK_WAIT = CFunction.of(
            "int __ulock_wait(uint32_t operation, void *addr, uint64_t value, uint32_t timeout)");
    public static final CFunction ULOCK_WAIT2 = CFunction.of(
            "int __ulock_wait2(uint32_t operation, void *addr, uint64_t value, uint64_t timeout, uint64_t value2)");
    public static final CFunction ULOCK_WAKE = CFunction.of(
            "int __ulock_wake(uint32_t operation, void *addr, uint64_t wake_value)");
}
