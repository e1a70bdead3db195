package io.ffmipc.containers;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;
import io.ffmipc.linux.ffi.LibC;

import java.time.Duration;

/**
 * Prints which C library the Linux provider detected ({@code libc glibc=<bool> target=<id>}), then
 * exercises the calls that differ by C library: a named semaphore created with an exact mode (its
 * file name differs) and a timed wait that times out, then succeeds (sem_clockwait under glibc,
 * sem_timedwait under musl). Prints {@code semaphore ok}. Arg: a semaphore name.
 */
public final class LibcReport {
    private LibcReport() {
    }

    public static void main(String[] args) {
        Lead.say("libc glibc=" + LibC.GLIBC + " target=" + LibC.TARGET.id());
        IpcPlatform ipc = Ipc.platform();
        try (Semaphore s = ipc.semaphore(args[0], OpenMode.CREATE, 0)) {
            Lead.check(!s.tryAcquire(Duration.ofMillis(200)), "acquired an empty semaphore");
            s.release();
            Lead.check(s.tryAcquire(Duration.ofSeconds(5)), "released semaphore not acquired");
            Lead.say("semaphore ok");
        } finally {
            ipc.removeSemaphore(args[0]);
        }
    }
}
