package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SemaphoreContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The semaphore contract on Windows named semaphores. Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsSemaphoreTest extends SemaphoreContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    /** No documented call reads a Windows semaphore's count: the contract counts units instead. */
    @Override
    protected boolean valueReadable() {
        return false;
    }
}
