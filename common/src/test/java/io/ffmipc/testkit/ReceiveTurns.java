package io.ffmipc.testkit;

import io.ffmipc.MessageQueue;
import io.ffmipc.channel.ChannelMessageQueue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The receive turn of the portable queue ({@link ChannelMessageQueue}), taken for a test the way a
 * receiver takes it for the length of one copy, and kept: what a receiver stopped or killed in the
 * middle of its copy leaves. The turn then names the handle as the queue's liveness rule wants
 * (its presence slot, or its process's pid and start time). Reflection, because the turn is the
 * queue's private business; the tests run on the class path, where it is allowed.
 */
public final class ReceiveTurns {
    private ReceiveTurns() {
    }

    /** Takes {@code queue}'s receive turn through this handle and keeps it. */
    public static void hold(MessageQueue queue) {
        try {
            Method take = ChannelMessageQueue.class.getDeclaredMethod("takeTurn");
            take.setAccessible(true);
            if (!(boolean) take.invoke(queue)) {
                throw new AssertionError("the receive turn of " + queue + " is held by another handle");
            }
        } catch (InvocationTargetException e) {
            throw new AssertionError("taking the receive turn of " + queue + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the portable queue has no takeTurn() to hold its turn with", e);
        }
    }
}
