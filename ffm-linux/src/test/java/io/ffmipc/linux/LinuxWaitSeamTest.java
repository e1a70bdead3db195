package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.WaitSeamContract;

/** The wait seam contract on shared futexes. */
class LinuxWaitSeamTest extends WaitSeamContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
