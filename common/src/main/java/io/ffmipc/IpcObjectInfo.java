package io.ffmipc;

/**
 * An IPC object visible on this machine, as {@code ffmipc ls} shows it.
 *
 * @param kind  such as {@code posix-shm}, {@code posix-sem}, {@code sysv-shm}, {@code sysv-sem}, {@code sysv-msg}
 * @param name  the object's name, or its key in hexadecimal for System V objects
 * @param id    the System V identifier, or -1
 * @param owner the owning user's name (or numeric uid when it has no name)
 * @param mode  POSIX permission bits
 * @param size  bytes for memory, number of semaphores in a set, bytes queued for a queue; -1 if unknown
 * @param detail anything else worth showing (attach count, creator pid), may be empty
 */
public record IpcObjectInfo(String kind, String name, long id, String owner, int mode, long size, String detail) {
}
