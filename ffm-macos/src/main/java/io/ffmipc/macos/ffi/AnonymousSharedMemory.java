package io.ffmipc.macos.ffi;

import io.ffmipc.posix.PosixLibrary;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Unnamed shared memory where the OS has no {@code memfd_create} (macOS): a POSIX shared memory
 * object created exclusively, owner-only, under a random name, and unlinked at once, so only its
 * descriptor reaches it. The name is unguessable, so nobody can open it in the instant it exists;
 * one taken by chance (EEXIST) is simply replaced by another. Written against {@link PosixLibrary},
 * so tests run it on Linux too.
 */
public final class AnonymousSharedMemory {
    /** {@code /ffmipc-anon-} and 16 hex digits: 29 characters, within macOS's 31 (PSHMNAMLEN). */
    static final String PREFIX = "/ffmipc-anon-";
    private static final int ATTEMPTS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AnonymousSharedMemory() {
    }

    /** The new object's descriptor, or -1 with errno in {@code state}. */
    public static int open(PosixLibrary lib, MemorySegment state) {
        int flags = lib.constant("O_RDWR") | lib.constant("O_CREAT") | lib.constant("O_EXCL") | lib.constant("O_CLOEXEC");
        int eexist = lib.constant("EEXIST");
        try (Arena a = Arena.ofConfined()) {
            for (int i = 0; i < ATTEMPTS; i++) {
                MemorySegment name = a.allocateFrom(randomName());
                int fd = lib.shmOpen(state, name, flags, 0600);
                if (fd < 0) {
                    if (lib.errno(state) == eexist) {
                        continue;
                    }
                    return -1;
                }
                if (lib.shmUnlink(state, name) != 0) {
                    // Closed with a capture buffer of its own, so errno stays the unlink's.
                    lib.close(a.allocate(Linker.Option.captureStateLayout()), fd);
                    return -1;
                }
                return fd;
            }
            return -1; // errno is the last EEXIST
        }
    }

    static String randomName() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return PREFIX + HexFormat.of().formatHex(b);
    }
}
