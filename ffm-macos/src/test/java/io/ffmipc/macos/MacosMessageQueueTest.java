package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.MessageQueueContract;

/**
 * The message queue contract on macOS, which has no POSIX message queues: the portable queue on
 * shared memory stands in (FIFO only; the priority tests say so and are skipped).
 */
class MacosMessageQueueTest extends MessageQueueContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
