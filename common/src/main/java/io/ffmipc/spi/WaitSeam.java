package io.ffmipc.spi;

import io.ffmipc.SharedMemory;

/**
 * The one OS seam that every process-shared synchronisation type and the shared-memory channel
 * are built on: park a thread until a 32-bit word in shared memory changes or a deadline passes,
 * and wake parked threads. Everything above it (events, conditions, barriers, read-write locks,
 * channel wait strategies) lives once in {@code common}.
 *
 * <h2>How each OS implements it</h2>
 * <ul>
 *   <li><b>Linux</b>: {@code futex(FUTEX_WAIT / FUTEX_WAKE)} on the word's address, without
 *       {@code FUTEX_PRIVATE_FLAG}: the kernel keys a shared futex by the backing page and offset,
 *       so every process that maps the object meets the same wait queue.</li>
 *   <li><b>Windows</b>: there is no cross-process {@code WaitOnAddress}. Each word gets a named
 *       semaphore and a named one-page mapping that counts its sleepers, both derived from the
 *       shared-memory object's stored name and the word's offset
 *       ({@code Local\ffmipc.wsem.<offset>.<object>}, {@code Local\ffmipc.wcnt.<offset>.<object>}).
 *       {@code await} counts itself, re-checks the word, then {@code WaitForSingleObject} on the
 *       semaphore for the slice; {@code wake(n)} releases {@code min(n, sleepers)} units, and none
 *       (no system call) when nobody sleeps. A unit nobody consumes shows up as a spurious wake-up,
 *       which the contract allows.</li>
 *   <li><b>macOS</b>: {@code os_sync_wait_on_address} / {@code os_sync_wake_by_address_any|all}
 *       with the {@code OS_SYNC_WAIT_ON_ADDRESS_SHARED} / {@code OS_SYNC_WAKE_BY_ADDRESS_SHARED}
 *       flags (macOS 14.4 and later); on older systems the Windows scheme with POSIX named
 *       semaphores, whose missing timed wait is emulated by polling {@code sem_trywait}.</li>
 * </ul>
 */
public interface WaitSeam {

    /**
     * The word at {@code offset} in {@code memory}. The offset must be 4-byte aligned and the word
     * inside the mapping; otherwise {@link IllegalArgumentException} naming the rule.
     */
    SharedWord word(SharedMemory memory, long offset);
}
