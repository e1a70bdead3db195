package io.ffmipc.windows.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.MessagePipeContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The message-pipe contract on Windows message-mode named pipes (client pid, DuplicateHandle). Runs on Windows only (the Windows leg of the CI matrix); elsewhere it is skipped. */
@EnabledOnOs(OS.WINDOWS)
class WindowsMessagePipeTest extends MessagePipeContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
