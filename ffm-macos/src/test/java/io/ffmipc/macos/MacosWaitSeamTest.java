package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.WaitSeamContract;

/** The wait seam contract on the macOS seams (on Linux: over glibc answering like libSystem). */
class MacosWaitSeamTest extends WaitSeamContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
