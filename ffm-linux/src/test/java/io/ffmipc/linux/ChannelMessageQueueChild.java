package io.ffmipc.linux;

import io.ffmipc.contract.MessageQueueChild;

/** The message queue contract's child, on the channel-backed queue. */
public final class ChannelMessageQueueChild {
    private ChannelMessageQueueChild() {
    }

    public static void main(String[] args) {
        MessageQueueChild.run(ChannelQueuePlatform.create(), args);
    }
}
