package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SharedMemoryQueueContract;

/**
 * The message queue contract on macOS, which has no POSIX message queues: the portable queue on
 * shared memory stands in (FIFO only; the priority tests say so and are skipped), so its own contract
 * runs too. No presence seam: liveness by pid and start time, the presence-rule cases skipped.
 */
class MacosMessageQueueTest extends SharedMemoryQueueContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
