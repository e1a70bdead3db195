package io.ffmipc;

/**
 * Limits of the running OS.
 *
 * @param maxNameLength        longest portable name accepted by this OS, after mapping
 * @param maxSemaphoreValue    largest value a semaphore may hold ({@code SEM_VALUE_MAX})
 * @param maxSharedMemorySize  largest shared memory object this OS allows, in bytes
 */
public record Limits(int maxNameLength, int maxSemaphoreValue, long maxSharedMemorySize) {
}
