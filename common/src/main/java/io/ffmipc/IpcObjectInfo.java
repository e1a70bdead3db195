package io.ffmipc;

/**
 * An IPC object visible on this machine, as {@code ffmipc ls} shows it.
 *
 * @param kind  what it is, from the one table of kinds
 * @param name  the object's name, or its key in hexadecimal for System V objects
 * @param id    the System V identifier (a socket's inode for a message pipe), or -1
 * @param owner the owning user's name (or numeric uid when it has no name); "?" where the OS does not say
 * @param mode  POSIX permission bits; -1 where the OS does not say
 * @param size  bytes for memory, number of semaphores in a set, bytes queued for a queue; -1 if unknown
 * @param detail anything else worth showing (attach count, creator pid), may be empty
 */
public record IpcObjectInfo(ObjectKind kind, String name, long id, String owner, int mode, long size, String detail) {
}
