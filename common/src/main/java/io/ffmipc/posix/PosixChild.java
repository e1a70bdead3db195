package io.ffmipc.posix;

import io.ffmipc.ChildProcess;
import io.ffmipc.core.Deadline;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;

/**
 * A child started by {@link PosixLauncherSeam}. {@link #waitFor} polls {@code waitpid(WNOHANG)} with a
 * growing sleep (1 to 20 ms) rather than blocking in waitpid, so it honours its timeout and Java
 * interrupts. Once reaped, the exit code is kept; {@link #close()} kills a live child and reaps
 * it, so no zombie is left.
 */
final class PosixChild implements ChildProcess {
    private final PosixLibrary lib;
    private final int echild;
    private final int eintr;
    private final int esrch;
    private final int wnohang;
    private final int pid;
    private final String program;
    private final MemorySegment status = Arena.ofAuto().allocate(ValueLayout.JAVA_INT);
    private int exitCode = -1; // guarded by this; >= 0 once reaped

    PosixChild(PosixLibrary lib, int pid, String program) {
        this.lib = lib;
        this.echild = lib.constant("ECHILD");
        this.eintr = lib.constant("EINTR");
        this.esrch = lib.constant("ESRCH");
        this.wnohang = lib.constant("WNOHANG");
        this.pid = pid;
        this.program = program;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        long sleepNanos = 1_000_000L;
        while (true) {
            synchronized (this) {
                if (reap(wnohang)) {
                    return OptionalInt.of(exitCode);
                }
            }
            long left = deadline.remainingNanos();
            if (left == 0 || Thread.currentThread().isInterrupted()) {
                return OptionalInt.empty();
            }
            LockSupport.parkNanos(Math.min(left, sleepNanos));
            sleepNanos = Math.min(sleepNanos * 2, 20_000_000L);
        }
    }

    /** One waitpid; true once the child has been reaped (now or before). Caller holds the lock. */
    private boolean reap(int options) {
        if (exitCode >= 0) {
            return true;
        }
        MemorySegment st = NativeBinder.callState();
        while (true) {
            int r = lib.waitpid(st, pid, status, options);
            if (r == pid) {
                exitCode = decode(status.get(ValueLayout.JAVA_INT, 0));
                return true;
            }
            if (r == 0) {
                return false;
            }
            int err = lib.errno(st);
            if (err != eintr) {
                throw lib.error("waitpid", program + " (pid " + pid + ")", err,
                        err == echild ? "not a child of this process, or already reaped elsewhere" : null);
            }
        }
    }

    /** The wait status as a shell shows it: the exit code, or 128 + the signal that killed the child. */
    static int decode(int wstatus) {
        int signal = wstatus & 0x7f;
        if (signal == 0) {
            return (wstatus >> 8) & 0xff;   // WIFEXITED → WEXITSTATUS
        }
        return 128 + signal;                // WIFSIGNALED → WTERMSIG (stopped children are not waited for)
    }

    @Override
    public synchronized void kill() {
        if (exitCode >= 0) {
            return; // reaped: the pid may belong to someone else by now
        }
        MemorySegment st = NativeBinder.callState();
        if (lib.kill(st, pid, lib.constant("SIGKILL")) != 0) {
            int err = lib.errno(st);
            if (err != esrch) {
                throw lib.error("kill", program + " (pid " + pid + ")", err, null);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (exitCode >= 0) {
            return;
        }
        if (!reap(wnohang)) {
            kill();
            reap(0); // blocks only until the SIGKILLed child is gone
        }
    }

    @Override
    public String toString() {
        return "PosixChild[pid " + pid + ", " + program + "]";
    }
}
