package io.ffmipc.linux;

import io.ffmipc.contract.MessageQueueChild;

/** The message queue contract's child, on the channel-backed queue without a wait seam. */
public final class PolledChannelMessageQueueChild {
    private PolledChannelMessageQueueChild() {
    }

    public static void main(String[] args) {
        MessageQueueChild.run(ChannelQueuePlatform.create(false), args);
    }
}
