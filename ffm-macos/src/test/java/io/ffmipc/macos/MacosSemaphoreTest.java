package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SemaphoreContract;

/** The semaphore contract on the macOS seams (on Linux: over glibc answering like
 * libSystem): timed waits poll sem_trywait, the value cannot be read, the owner comes from the kernel.
 */
class MacosSemaphoreTest extends SemaphoreContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    /** macOS's sem_getvalue is a stub failing with ENOSYS. */
    @Override
    protected boolean valueReadable() {
        return false;
    }
}
