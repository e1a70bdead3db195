package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.MessageQueueContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The message-queue contract on Windows, where the portable shared-memory queue stands in. Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsMessageQueueTest extends MessageQueueContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
