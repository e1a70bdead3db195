package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SharedMemoryContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The shared-memory contract on Windows sections (pagefile, mapped files, unnamed sections passed by handle). Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsSharedMemoryTest extends SharedMemoryContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
