package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SystemVContract;

/**
 * The System V contract on macOS: semaphore waits poll (no semtimedop), so the kernel counts no
 * waiter; a removed segment is not marked while attached.
 */
class MacosSystemVTest extends SystemVContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Override
    protected boolean waitersAreCounted() {
        return false;
    }

    /** macOS does not mark a removed, still attached segment (no SHM_DEST in its ipc_perm mode). */
    @Override
    protected boolean reportsRemoval() {
        return false;
    }
}
