package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.ChannelContract;

/**
 * The channel contract on the macOS seams (on Linux: over glibc answering like libSystem, the
 * futex standing in for os_sync): no presence seam, so channels judge liveness by pid and start time
 * and the presence-rule cases are skipped, naming why.
 */
class MacosChannelTest extends ChannelContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
