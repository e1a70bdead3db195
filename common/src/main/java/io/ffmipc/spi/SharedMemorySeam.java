package io.ffmipc.spi;

import io.ffmipc.Permissions;

import java.nio.file.Path;

/**
 * The OS half of shared memory: each call is one attempt that opens an object (unmapped; see
 * {@link NativeMemory}) or fails with a typed exception ({@link io.ffmipc.IpcObjectExistsException}, {@link io.ffmipc.NoSuchIpcObjectException},
 * {@link io.ffmipc.IpcLimitException}, …), leaving nothing half-made behind. Open modes and the
 * create/open race, size rules, owner checks, close guards and error context are the portable
 * layer's ({@code io.ffmipc.core.SeamSharedMemory}).
 *
 * <p>Names reach the seam validated; the seam maps them onto its namespace (see
 * {@link io.ffmipc.IpcNames}) and may refuse one its OS reserves, with
 * {@link io.ffmipc.InvalidNameException} naming the rule.
 */
public interface SharedMemorySeam {

    /** The largest object the OS allows, in bytes (for the size rules). */
    long maxSize();

    /**
     * Creates the object exclusively ({@link io.ffmipc.IpcObjectExistsException} if the name is
     * taken), with exactly {@code permissions} (the umask does not narrow them), sized to
     * {@code size} bytes whose pages are reserved (so a full file system fails here, not with a
     * SIGBUS on first touch).
     */
    NativeMemory create(String name, long size, Permissions permissions);

    /**
     * Opens an existing object ({@link io.ffmipc.NoSuchIpcObjectException} if it does not exist),
     * never following a symbolic link; refuses an object of another type with a typed error. The
     * owner is reported, not checked.
     */
    NativeMemory open(String name);

    /** Removes the name; false if there was none. */
    boolean unlink(String name);

    /** {@link #create} for a file in the file system. */
    NativeMemory createFile(Path file, long size, Permissions permissions);

    /** {@link #open} for a file in the file system. */
    NativeMemory openFile(Path file);

    /**
     * Creates unnamed memory of {@code size} bytes, zeroed, whose size no process it is handed to
     * can change where the OS can enforce that. {@code label} names it in messages.
     */
    NativeMemory createAnonymous(String label, long size);

    /** The object behind a handle this process holds; works on a copy of the handle. */
    NativeMemory fromHandle(long handle);

    /** The object behind a handle the parent passed with this token, taking the handle over. */
    NativeMemory inherited(String token);
}
