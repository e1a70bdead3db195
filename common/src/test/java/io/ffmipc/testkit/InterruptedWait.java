package io.ffmipc.testkit;

import io.ffmipc.IpcInterruptedException;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interrupt rule every blocking call shares: a thread blocked in it and then interrupted gets
 * {@link IpcInterruptedException} promptly, with its interrupt flag still set.
 */
public final class InterruptedWait {
    /** How long the call is given to start blocking before the interrupt. */
    private static final long BLOCK_FIRST_MILLIS = 150;

    private InterruptedWait() {
    }

    /**
     * Runs {@code blockingCall} on a new thread, interrupts it once it blocks, and asserts the rule.
     *
     * @return nanoseconds from the interrupt until the thread had ended
     */
    public static long assertInterruptEnds(Runnable blockingCall) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                blockingCall.run();
            } catch (Throwable x) {
                thrown.set(x);
                flagAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        t.start();
        Thread.sleep(BLOCK_FIRST_MILLIS);
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(5_000);
        long took = System.nanoTime() - t0;
        assertFalse(t.isAlive(), "the interrupt did not end the wait");
        assertTrue(thrown.get() instanceof IpcInterruptedException, String.valueOf(thrown.get()));
        assertTrue(flagAfter.get(), "the interrupt flag must stay set");
        return took;
    }
}
