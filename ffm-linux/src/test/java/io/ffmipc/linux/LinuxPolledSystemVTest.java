package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.SystemV;
import io.ffmipc.contract.SystemVContract;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixProcessSeam;
import io.ffmipc.posix.PosixSystemV;

/**
 * The System V contract with the posix layer's fallback for an OS without {@code semtimedop}
 * (macOS) forced on Linux: every timed semaphore wait polls {@code semop} with {@code IPC_NOWAIT}.
 * The children and the other side of each test use the platform's own System V, so the two kinds of
 * wait meet on the same sets.
 */
class LinuxPolledSystemVTest extends SystemVContract {
    private static final PosixSystemV POLLED = PosixSystemV.pollingSemaphores(LibC.INSTANCE,
            new PosixProcessSeam(LibC.INSTANCE), new LinuxSysVLimits());

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Override
    protected SystemV systemV() {
        return POLLED;
    }

    @Override
    protected boolean waitersAreCounted() {
        return false;
    }
}
