package io.ffmipc.bench;

import java.time.Duration;

/**
 * The wake-up half of a {@link PlainRingLink}: the producer rings once per message, the consumer
 * waits for rings. Each ring stands for one published message, so a counting primitive (a
 * semaphore, an eventfd counter, a futex word used as a counter) fits directly.
 */
interface Doorbell extends AutoCloseable {

    /** One more message is published. */
    void ring();

    /** Waits for rings; returns how many were consumed (at least 1), 0 if none came within {@code timeout}. */
    long await(Duration timeout);

    @Override
    void close();
}
