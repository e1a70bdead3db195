package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.ChannelContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The shared-memory channel contract on Windows file mappings. Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsChannelTest extends ChannelContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
