package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.WaitSeamContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The wait-seam contract on Windows (a named semaphore and a sleeper count per word). Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsWaitSeamTest extends WaitSeamContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
