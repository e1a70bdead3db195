package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SyncContract;

/** The process-shared sync contract on the futex seam. */
class LinuxSyncTest extends SyncContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
