package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.EventContract;

/** The event contract on the macOS seams (on Linux: over glibc answering like libSystem). */
class MacosEventTest extends EventContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
