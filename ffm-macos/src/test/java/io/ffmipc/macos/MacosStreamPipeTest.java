package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.StreamPipeContract;

/** The byte-stream pipe contract on the macOS seams (on Linux: over glibc answering like libSystem). */
class MacosStreamPipeTest extends StreamPipeContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
