package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SystemVContract;

/** The System V contract on Linux's own System V (semaphore waits in semtimedop). */
class LinuxSystemVTest extends SystemVContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
