package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SharedMemoryQueueContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The message-queue contract on Windows, where the portable shared-memory queue stands in, with that
 * queue's own contract. Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsMessageQueueTest extends SharedMemoryQueueContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
