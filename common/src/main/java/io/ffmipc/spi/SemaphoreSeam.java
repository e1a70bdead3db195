package io.ffmipc.spi;

import io.ffmipc.Permissions;

/**
 * The OS half of a named counting semaphore: open or create once, unlink. Open modes, the value
 * rules, deadlines cut into slices, interrupts, close guards and messages are the portable
 * layer's ({@code io.ffmipc.core.SeamSemaphore}).
 */
public interface SemaphoreSeam {

    /** The largest value a semaphore may hold ({@code SEM_VALUE_MAX}, the Windows maximum count). */
    int maxValue();

    /** Creates the semaphore exclusively, with exactly {@code permissions}. */
    NativeSemaphore create(String name, int initialValue, Permissions permissions);

    /**
     * Opens an existing semaphore ({@link io.ffmipc.NoSuchIpcObjectException} if there is none).
     * Its owner is reported ({@link NativeSemaphore#owner()}), not checked.
     */
    NativeSemaphore open(String name);

    /** Removes the name; false if there was none. */
    boolean unlink(String name);
}
