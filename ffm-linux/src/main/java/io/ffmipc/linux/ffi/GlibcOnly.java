package io.ffmipc.linux.ffi;

import io.ffmipc.ffi.AbiHeaders;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.Target;

/**
 * The functions the Linux provider uses where glibc has them and musl (1.2.x) does not: declared
 * here, checked only against glibc's headers, and bound by {@link LibC} only when the running C
 * library exports them ({@link LibC#GLIBC}). On musl the provider takes the portable call instead
 * (see each declaration). Declarations only: nothing native is linked here.
 */
@AbiHeaders(targets = {Target.LINUX_X86_64, Target.LINUX_AARCH64},
        define = {"_GNU_SOURCE"},
        include = {"sys/types.h", "time.h", "semaphore.h", "spawn.h"})
public final class GlibcOnly {
    private GlibcOnly() {
    }

    /** The C names of the functions below, as the POSIX layer asks for them ({@code PosixLibrary.has}). */
    static final java.util.Set<String> FUNCTIONS = java.util.Set.of("sem_clockwait",
            "posix_spawn_file_actions_addclosefrom_np");

    /**
     * glibc 2.30+: waits against CLOCK_MONOTONIC, so a wall-clock step cannot stretch or cut a
     * timeout. musl: {@code sem_timedwait} on CLOCK_REALTIME in short slices (a clock step then
     * moves at most one slice).
     */
    public static final CFunction SEM_CLOCKWAIT = CFunction.of(
            "int sem_clockwait(sem_t *sem, clockid_t clockid, const struct timespec *abstime)");

    /**
     * glibc 2.34+: closes every descriptor from {@code from} up in the child, so nothing else leaks
     * into it. musl: not available; the child then inherits only what the JVM left without
     * close-on-exec (the JDK opens its own descriptors close-on-exec).
     */
    public static final CFunction POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP = CFunction.noErrno(
            "int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *file_actions, int from)");
}
