package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.channel.ChannelMessageQueue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Test-only: Linux's platform with its message queues replaced by the portable
 * {@link ChannelMessageQueue}, as a provider without a native queue (Windows, macOS) would offer it.
 * Everything else delegates to {@link Ipc#platform()}.
 */
final class ChannelQueuePlatform {
    private ChannelQueuePlatform() {
    }

    static IpcPlatform create() {
        IpcPlatform real = Ipc.platform();
        InvocationHandler h = (proxy, method, args) -> {
            // The proxy itself is the platform the queue uses, so its shared memory is the real one.
            if (method.getName().equals("messageQueue") && args.length == 3) {
                return ChannelMessageQueue.open(real, (String) args[0], (OpenMode) args[1], (MessageQueueOptions) args[2]);
            }
            if (method.getName().equals("messageQueue") && args.length == 2) {
                return ChannelMessageQueue.open(real, (String) args[0], (OpenMode) args[1], MessageQueueOptions.defaults());
            }
            if (method.getName().equals("removeMessageQueue")) {
                return ChannelMessageQueue.remove(real, (String) args[0]);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (IpcPlatform) Proxy.newProxyInstance(IpcPlatform.class.getClassLoader(), new Class<?>[] {IpcPlatform.class}, h);
    }
}
