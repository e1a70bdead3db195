package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SyncContract;

/** The synchronization types (events, conditions, barriers, read-write locks) contract on the macOS seams (on Linux: over glibc answering like libSystem). */
class MacosSyncTest extends SyncContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
