package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SharedMemoryContract;

/** The shared memory contract on the macOS seams (on Linux: over glibc answering like libSystem). */
class MacosSharedMemoryTest extends SharedMemoryContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
