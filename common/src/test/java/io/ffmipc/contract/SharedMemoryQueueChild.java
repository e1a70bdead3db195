package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.OpenMode;
import io.ffmipc.testkit.ReceiveTurns;

/**
 * Child side of {@link SharedMemoryQueueContract}: {@link MessageQueueChild}'s roles on the portable
 * shared-memory queue ({@link SharedMemoryQueueContract#portableQueues} of {@code Ipc.platform()}),
 * plus {@code hold-turn QUEUE}: opens the queue, takes its receive turn and keeps it (a receiver
 * stopped in the middle of a copy), prints {@code holding} and sleeps until it is killed.
 */
public final class SharedMemoryQueueChild {
    private SharedMemoryQueueChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        run(SharedMemoryQueueContract.portableQueues(Ipc.platform()), args);
    }

    /** The child's work on {@code platform} (a test platform's own child main passes its platform). */
    public static void run(IpcPlatform platform, String[] args) throws InterruptedException {
        if (args[0].equals("hold-turn")) {
            try (MessageQueue q = platform.messageQueue(args[1], OpenMode.OPEN)) {
                ReceiveTurns.hold(q);
                System.out.println("holding");
                System.out.flush();
                Thread.sleep(120_000);
            }
            return;
        }
        MessageQueueChild.run(platform, args);
    }
}
