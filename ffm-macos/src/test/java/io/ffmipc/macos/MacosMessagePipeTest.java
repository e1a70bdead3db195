package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.MessagePipeContract;

/** The message pipe contract on the macOS seams (on Linux: over glibc answering like libSystem). */
class MacosMessagePipeTest extends MessagePipeContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
