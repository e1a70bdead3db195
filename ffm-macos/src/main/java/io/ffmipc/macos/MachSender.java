package io.ffmipc.macos;

/**
 * Who sent a message, as the kernel recorded it in the audit trailer (not as the sender claims):
 * words 5, 1 and 7 of its audit token.
 *
 * @param pid        the sending process
 * @param euid       its effective user id
 * @param pidVersion tells a later process with the same pid apart
 */
public record MachSender(long pid, long euid, int pidVersion) {
}
