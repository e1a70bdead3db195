package io.ffmipc.linux;

import io.ffmipc.MessageQueue;
import io.ffmipc.OpenMode;
import io.ffmipc.contract.MessageQueueChild;
import io.ffmipc.testkit.ReceiveTurns;

/**
 * The message queue contract's child, on the channel-backed queue; plus {@code hold-turn QUEUE}:
 * opens the queue, takes its receive turn and keeps it (a receiver stopped in the middle of a
 * copy), prints {@code holding} and sleeps until it is killed.
 */
public final class ChannelMessageQueueChild {
    private ChannelMessageQueueChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args[0].equals("hold-turn")) {
            try (MessageQueue q = ChannelQueuePlatform.create().messageQueue(args[1], OpenMode.OPEN)) {
                ReceiveTurns.hold(q);
                System.out.println("holding");
                System.out.flush();
                Thread.sleep(120_000);
            }
            return;
        }
        MessageQueueChild.run(ChannelQueuePlatform.create(), args);
    }
}
