package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.RobustMutexContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The robust-mutex contract on Windows named mutexes (owner threads, WAIT_ABANDONED). Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsRobustMutexTest extends RobustMutexContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
