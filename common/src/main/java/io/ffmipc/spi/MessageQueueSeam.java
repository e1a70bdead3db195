package io.ffmipc.spi;

import io.ffmipc.MessageQueueOptions;

/**
 * The OS half of a named message queue, where the OS has one (POSIX mq); elsewhere the portable
 * shared-memory queue stands in. Open modes, argument and size rules, deadlines in slices,
 * interrupts, non-blocking mode, close guards and the {@code byte[]} forms are the portable
 * layer's ({@code io.ffmipc.core.SeamMessageQueue}).
 */
public interface MessageQueueSeam {

    /** The highest priority ({@code MQ_PRIO_MAX - 1}). */
    int maxPriority();

    /** Creates the queue exclusively with {@code options}' sizes and exactly its permissions. */
    NativeMessageQueue create(String name, MessageQueueOptions options);

    /**
     * Opens an existing queue ({@link io.ffmipc.NoSuchIpcObjectException} if there is none). Its
     * owner is reported ({@link NativeMessageQueue#owner()}), not checked.
     */
    NativeMessageQueue open(String name);

    /** Removes the name; false if there was none. */
    boolean unlink(String name);
}
