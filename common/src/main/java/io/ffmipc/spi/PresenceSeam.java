package io.ffmipc.spi;

import io.ffmipc.SharedMemory;

/**
 * Presence in a shared memory object: each handle of a structure built on it (a channel, the
 * portable message queue) holds a numbered slot of the object while it has it open, and the OS
 * ends the hold when the handle closes <em>or its process dies</em>. Whether a slot is held then
 * tells whether its holder lives — in whatever pid namespace the one asking runs. A pid and a
 * start time cannot tell that across pid namespaces: there the same number names another process
 * or none, and a live peer is taken for dead (or a dead one for alive).
 *
 * <p>The core uses it only off the hot paths: when a handle opens (to take its slot) and when a
 * waiting call has waited a while (to ask about its peer's), as it did with pids.
 *
 * <h2>How each OS implements it</h2>
 * <ul>
 *   <li><b>Linux</b> (any POSIX OS with open-file-description locks; {@code posix.PosixPresenceSeam}):
 *       slot {@code i} is a write lock on byte {@code i} of the object's own descriptor, taken with
 *       {@code fcntl(F_OFD_SETLK)}; asking is one {@code fcntl(F_OFD_GETLK)}. Such a lock belongs
 *       to the open file description: the kernel drops it when the last descriptor of it closes,
 *       which is the handle's close or its process's death. Locks past the end of the object are
 *       allowed, so slots cost no memory. Classic POSIX locks ({@code F_SETLK}) cannot serve: they
 *       belong to the process, and closing <em>any</em> descriptor of the file drops all of them;
 *       {@code flock} cannot: it locks the whole file. Linux 3.15 and later; an older kernel refuses
 *       the commands with {@code EINVAL}, and the provider then offers no presence seam.</li>
 *   <li><b>macOS</b> has no open-file-description locks, and needs none for this: one kernel has
 *       one pid space, so the core's fallback (pid and start time) is exact there. A provider that
 *       wants kernel-released presence anyway can lock one file per slot with {@code flock} (per
 *       open file, like OFD locks) in a directory beside its other anchors — at the cost of a file
 *       per slot to create, check for planted links and remove.</li>
 *   <li><b>Windows</b> has no pid namespaces either (the fallback with the process's creation time
 *       is exact). A per-handle presence there would be a named kernel object per slot
 *       ({@code Local\ffmipc-p-<object>-<slot>}) that the holder creates and keeps a handle to:
 *       it exists exactly while a handle is open, and the kernel closes a dead process's handles;
 *       holding is {@code CreateEventW} without {@code ERROR_ALREADY_EXISTS}, asking is
 *       {@code OpenEventW}. Not a named mutex: a mutex belongs to the <em>thread</em> that took it
 *       and is abandoned when that thread ends, while the handle may live on in other threads.</li>
 * </ul>
 * Where a provider offers none ({@link PlatformSeams#presence()} empty), the core judges liveness
 * by pid and start time ({@link ProcessSeam#startKey}), exact wherever all processes sharing the
 * memory see one pid namespace. The creator of a structure records which rule its handles follow,
 * so every handle of it follows the same one.
 */
public interface PresenceSeam {

    /**
     * The presence slots of an open shared memory object, held and asked about through this handle
     * of it ({@code memory} stays the caller's: closing it ends every hold taken through it).
     */
    PresenceSlots slots(SharedMemory memory);
}
