package io.ffmipc.macos;

import java.lang.foreign.MemorySegment;

/**
 * One macOS primitive that parks a thread on a 32-bit word in shared memory until another process
 * wakes it: {@code os_sync_wait_on_address} (public, macOS 14.4+) or the private {@code __ulock}
 * calls under it. Results follow the kernel's {@code ULF_NO_ERRNO} convention: not negative on
 * success, minus the errno on failure.
 */
interface AddressWait {

    /** The primitive's name, for messages and the matrix ({@code "os_sync_wait_on_address"}). */
    String name();

    /**
     * Parks while {@code word} (the 4 bytes of shared memory, bound to its mapping) holds {@code expected}, at most {@code nanos}
     * (positive): not negative when woken or when the word differed; -ETIMEDOUT, -EINTR, -EFAULT
     * (the page was not resident: re-read the word and wait again) or another -errno.
     */
    int await(MemorySegment word, int expected, long nanos);

    /** Wakes one thread parked on the word: 0, -ENOENT if none was, or another -errno. */
    int wakeOne(MemorySegment word);

    /** Wakes every thread parked on the word: 0, -ENOENT if none was, or another -errno. */
    int wakeAll(MemorySegment word);
}
