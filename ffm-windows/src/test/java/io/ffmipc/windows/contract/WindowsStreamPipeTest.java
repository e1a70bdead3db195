package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.StreamPipeContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The byte-stream pipe contract on Windows byte-mode named pipes. Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsStreamPipeTest extends StreamPipeContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
