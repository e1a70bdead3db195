package io.ffmipc.windows.ffi;

import io.ffmipc.ffi.CFunction;

/**
 * {@code WaitOnAddress} and its wakes (exported through the API set
 * {@code api-ms-win-core-synch-l1-2-0}, import library {@code synchronization.lib}), declared so the
 * ABI check pins the prototypes the behaviour checks rely on. No provider links them: they wake
 * only threads of the calling process (Microsoft documents it, and the Wine check
 * {@code wait-on-address-same-process-only} shows a waiter in another process sleeping through the
 * wake), so the Windows wait seam uses a named semaphore and sleeper count per wait word instead. WaitOnAddress reports
 * a timeout as ERROR_TIMEOUT through GetLastError; the wakes report nothing.
 */
public final class SynchronizationAbi {
    private SynchronizationAbi() {
    }

    public static final CFunction WAIT_ON_ADDRESS = CFunction.of("BOOL WINAPI WaitOnAddress(volatile void *Address,"
            + " PVOID CompareAddress, SIZE_T AddressSize, DWORD dwMilliseconds)");
    public static final CFunction WAKE_BY_ADDRESS_SINGLE = CFunction.noErrno("void WINAPI WakeByAddressSingle(PVOID Address)");
    public static final CFunction WAKE_BY_ADDRESS_ALL = CFunction.noErrno("void WINAPI WakeByAddressAll(PVOID Address)");
}
