package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SyncContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Named events, conditions, barriers and read-write locks on the Windows wait seam. Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsSyncTest extends SyncContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
