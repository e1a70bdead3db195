package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.channel.ChannelMessageQueue;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.testkit.SeamsWithout;
import io.ffmipc.testkit.StructureMemory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;

/**
 * Test-only: Linux's platform with its message queues replaced by the portable
 * {@link ChannelMessageQueue}, as a provider without a native queue (Windows, macOS) would offer it.
 * Everything else delegates to {@link Ipc#platform()}.
 */
final class ChannelQueuePlatform {
    private ChannelQueuePlatform() {
    }

    /** With Linux's wait seam (queue waits park on futexes). */
    static IpcPlatform create() {
        return create(true);
    }

    /**
     * {@code withSeam} false: the queue is given the platform's seams without the wait seam, so its
     * waits poll.
     */
    static IpcPlatform create(boolean withSeam) {
        return create(withSeam ? SeamsWithout::messageQueues : SeamsWithout::messageQueuesAndWaitSeam);
    }

    /**
     * Without the presence seam: queues this platform creates judge liveness by pid and start time,
     * as on an OS without presence (handles of other platforms follow the rule the creator recorded).
     */
    static IpcPlatform withoutPresence() {
        return create(SeamsWithout::messageQueuesAndPresence);
    }

    private static IpcPlatform create(UnaryOperator<PlatformSeams> without) {
        IpcPlatform real = Ipc.platform();
        IpcPlatform[] self = new IpcPlatform[1];
        PlatformSeams seams = StructureMemory.seams(real);
        PlatformSeams queuePlatform = without.apply(seams);
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("messageQueue") && args.length == 3) {
                return ChannelMessageQueue.open(queuePlatform, (String) args[0], (OpenMode) args[1], (MessageQueueOptions) args[2]);
            }
            if (method.getName().equals("messageQueue") && args.length == 2) {
                return ChannelMessageQueue.open(queuePlatform, (String) args[0], (OpenMode) args[1], MessageQueueOptions.defaults());
            }
            if (method.getName().equals("removeMessageQueue")) {
                return ChannelMessageQueue.remove(seams, (String) args[0]);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        self[0] = (IpcPlatform) Proxy.newProxyInstance(IpcPlatform.class.getClassLoader(), new Class<?>[] {IpcPlatform.class}, h);
        return self[0];
    }
}
