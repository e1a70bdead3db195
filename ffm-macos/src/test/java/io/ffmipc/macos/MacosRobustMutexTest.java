package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.RobustMutexContract;

/** The robust mutex contract on the macOS seams (on Linux: over glibc answering like libSystem). */
class MacosRobustMutexTest extends RobustMutexContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
