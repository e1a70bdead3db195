package io.ffmipc.linux;

import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.MessageQueueContract;

/**
 * The message queue contract on the portable {@link io.ffmipc.channel.ChannelMessageQueue} where
 * the platform offers no wait seam, so every wait polls (parent and children alike).
 */
class PolledChannelMessageQueueTest extends MessageQueueContract {
    private static final IpcPlatform PLATFORM = ChannelQueuePlatform.create(false);

    @Override
    protected IpcPlatform platform() {
        return PLATFORM;
    }

    @Override
    protected Class<?> childMain() {
        return PolledChannelMessageQueueChild.class;
    }
}
