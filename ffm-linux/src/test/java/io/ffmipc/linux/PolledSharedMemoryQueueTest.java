package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SharedMemoryQueueChild;
import io.ffmipc.contract.SharedMemoryQueueContract;
import io.ffmipc.testkit.SeamsWithout;

/**
 * The shared-memory queue contract where the platform offers no wait seam (macOS before 14.4
 * without the opted-in private calls), so every wait polls, parent and children alike.
 */
class PolledSharedMemoryQueueTest extends SharedMemoryQueueContract {

    static IpcPlatform polled() {
        return SeamsWithout.platform(Ipc.platform(), SeamsWithout::messageQueuesAndWaitSeam);
    }

    private static final IpcPlatform PLATFORM = polled();

    @Override
    protected IpcPlatform platform() {
        return PLATFORM;
    }

    @Override
    protected Class<?> childMain() {
        return Child.class;
    }

    /** The contract's child on the same polled platform. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws InterruptedException {
            SharedMemoryQueueChild.run(polled(), args);
        }
    }
}
