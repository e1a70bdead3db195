package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.EventContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The unnamed-event contract on Windows (one unnamed semaphore per event, inherited through the handle list). Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsEventTest extends EventContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Override
    protected String tokenForm() {
        return "handle:";
    }
}
