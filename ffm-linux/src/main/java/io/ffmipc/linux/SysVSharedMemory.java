package io.ffmipc.linux;

import io.ffmipc.core.NativeMapping;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.core.OpenOrCreate;
import io.ffmipc.core.SharedMemorySizes;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.SystemVKeys;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A System V shared memory segment, named by an integer key ({@code shmget}), attached to this
 * process ({@code shmat}) until {@link #close()} ({@code shmdt}). Unlike POSIX shared memory it
 * reports who created it and how many processes have it attached ({@link #stat()}), and a removed
 * segment ({@link #remove()}, {@code IPC_RMID}) lives on until its last process detaches.
 *
 * <p>Permissions are exact: {@code shmget} does not apply the umask.
 */
public final class SysVSharedMemory implements SharedMemory {
    private static final Path SHMMAX = Path.of("/proc/sys/kernel/shmmax");

    private final int key;
    private final int id;
    private final String name;
    private final long size;
    private final boolean created;
    private final NativeMapping mapping;

    /**
     * What {@code shmctl(IPC_STAT)} reports about a segment.
     *
     * @param size          the segment's size in bytes ({@code shm_segsz})
     * @param attachCount   how many attachments it has now, in all processes ({@code shm_nattch})
     * @param creatorPid    the process that created it ({@code shm_cpid})
     * @param lastPid       the process that last attached or detached it ({@code shm_lpid})
     * @param ownerUid      the owner's user id ({@code shm_perm.uid})
     * @param mode          its permission bits ({@code shm_perm.mode & 0777})
     * @param removed       whether it was removed and lives on only until its last detach ({@code SHM_DEST})
     */
    public record Status(long size, long attachCount, int creatorPid, int lastPid, int ownerUid, int mode,
                         boolean removed) {
    }

    private SysVSharedMemory(int key, int id, long size, boolean created, MemorySegment address) {
        this.key = key;
        this.id = id;
        this.name = keyName(key);
        this.size = size;
        this.created = created;
        this.mapping = new NativeMapping(address, size, a -> LibC.INSTANCE.shmdt(NativeBinder.callState(), a),
                "System V shared memory", name);
    }

    /**
     * Creates or opens the segment with this key and attaches it.
     *
     * @param key         any key but {@code IPC_PRIVATE} (0) and -1 (what a failed {@code ftok} returns);
     *                    see {@link SystemVKeys#unshareableReason}
     * @param size        bytes; at least 1 when it may be created; when opening, 0 attaches the
     *                    whole segment and anything larger than the segment is refused
     * @param permissions the mode of a new segment (exactly; no umask applies)
     */
    public static SysVSharedMemory open(int key, OpenMode mode, long size, Permissions permissions) {
        checkKey(key);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(permissions, "permissions");
        String name = keyName(key);
        SharedMemorySizes.checkRequest("shmget", name, mode, size, maxSegmentSize());
        return switch (mode) {
            case CREATE -> create(key, size, permissions);
            case OPEN -> openExisting(key, size);
            case OPEN_OR_CREATE -> OpenOrCreate.run("shmget", name,
                    () -> create(key, size, permissions), () -> openExisting(key, size));
        };
    }

    /** Removes the segment with this key ({@code IPC_RMID}); false if there is none. */
    public static boolean remove(int key) {
        checkKey(key);
        MemorySegment st = NativeBinder.callState();
        int id = LibC.INSTANCE.shmget(st, key, 0, 0);
        if (id < 0) {
            int errno = LibC.INSTANCE.errno(st);
            if (errno == Errno.ENOENT.intValue()) {
                return false;
            }
            throw Errno.exception("shmget", keyName(key), errno);
        }
        return removeId(id, keyName(key));
    }

    /** The largest segment the kernel allows ({@code /proc/sys/kernel/shmmax}, capped to a Java long). */
    public static long maxSegmentSize() {
        try {
            // readAllLines, not readString: on procfs (size 0) readString returned only a prefix.
            long v = Long.parseUnsignedLong(Files.readAllLines(SHMMAX).get(0).trim());
            return v < 0 ? Long.MAX_VALUE : v; // "unlimited" is ULONG_MAX - 2^24 or so: larger than a long
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE; // no procfs: let shmget itself refuse
        }
    }

    private static SysVSharedMemory create(int key, long size, Permissions permissions) {
        MemorySegment st = NativeBinder.callState();
        int flags = LibC.IPC_CREAT.intValue() | LibC.IPC_EXCL.intValue() | permissions.mode();
        int id = LibC.INSTANCE.shmget(st, key, size, flags);
        if (id < 0) {
            throw Errno.exception("shmget", keyName(key), LibC.INSTANCE.errno(st), "creating " + size + " bytes, mode "
                    + permissions);
        }
        try {
            return attach(key, id, size, true);
        } catch (RuntimeException e) {
            removeId(id, keyName(key)); // do not leave a segment nobody can have seen
            throw e;
        }
    }

    private static SysVSharedMemory openExisting(int key, long size) {
        MemorySegment st = NativeBinder.callState();
        int id = LibC.INSTANCE.shmget(st, key, 0, 0);
        if (id < 0) {
            throw Errno.exception("shmget", keyName(key), LibC.INSTANCE.errno(st), "opening it");
        }
        long actual = stat(id, keyName(key)).size();
        return attach(key, id, SharedMemorySizes.sizeToMap("shmget", keyName(key), size, actual), false);
    }

    private static SysVSharedMemory attach(int key, int id, long size, boolean created) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment address = LibC.INSTANCE.shmat(st, id, MemorySegment.NULL, 0);
        if (LibC.INSTANCE.failed(address)) {
            throw Errno.exception("shmat", keyName(key), LibC.INSTANCE.errno(st), "id " + id);
        }
        return new SysVSharedMemory(key, id, size, created, address);
    }

    private static boolean removeId(int id, String name) {
        MemorySegment st = NativeBinder.callState();
        if (LibC.INSTANCE.shmctl(st, id, LibC.IPC_RMID.intValue(), MemorySegment.NULL) == 0) {
            return true;
        }
        int errno = LibC.INSTANCE.errno(st);
        if (errno == Errno.EINVAL.intValue() || errno == Errno.EIDRM.intValue()) {
            return false; // already removed by someone else
        }
        throw Errno.exception("shmctl(IPC_RMID)", name, errno, "id " + id);
    }

    private static Status stat(int id, String name) {
        var layout = LibC.SHMID_DS.layout();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(layout);
            MemorySegment st = NativeBinder.callState();
            if (LibC.INSTANCE.shmctl(st, id, LibC.IPC_STAT.intValue(), buf) != 0) {
                throw Errno.exception("shmctl(IPC_STAT)", name, LibC.INSTANCE.errno(st), "id " + id);
            }
            long permOffset = layout.byteOffset(PathElement.groupElement("shm_perm"));
            var perm = LibC.IPC_PERM;
            int mode = buf.get(JAVA_INT, permOffset + perm.offset("mode"));
            return new Status(
                    buf.get(JAVA_LONG, LibC.SHMID_DS.offset("shm_segsz")),
                    buf.get(JAVA_LONG, LibC.SHMID_DS.offset("shm_nattch")),
                    buf.get(JAVA_INT, LibC.SHMID_DS.offset("shm_cpid")),
                    buf.get(JAVA_INT, LibC.SHMID_DS.offset("shm_lpid")),
                    buf.get(JAVA_INT, permOffset + perm.offset("uid")),
                    mode & 0777,
                    (mode & LibC.SHM_DEST.intValue()) != 0);
        }
    }

    private static void checkKey(int key) {
        SystemVKeys.requireShareable(SystemVKeys.label("shared memory", key), key);
    }

    private static String keyName(int key) {
        return String.format("key 0x%08x", key);
    }

    /** The key this segment was opened by. */
    public int key() {
        return key;
    }

    /** The kernel's identifier of the segment (as {@code ipcs} shows it). */
    public int id() {
        return id;
    }

    /** What the kernel reports about the segment now. */
    public Status stat() {
        mapping.ensureOpen();
        return stat(id, name);
    }

    /**
     * Marks the segment for removal ({@code IPC_RMID}): the key is free at once, the memory lives
     * until every process has detached. False if it was already removed.
     */
    public boolean remove() {
        mapping.ensureOpen();
        return removeId(id, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public MemorySegment segment() {
        return mapping.segment();
    }

    @Override
    public boolean created() {
        return created;
    }

    /** The same as {@link #remove()}. */
    @Override
    public void unlink() {
        remove();
    }

    /** Detaches ({@code shmdt}); the segment itself stays until removed. Safe to call twice. */
    @Override
    public void close() {
        mapping.close();
    }

    @Override
    public String toString() {
        return "System V shared memory " + name + " id " + id + " (" + size + " bytes"
                + (mapping.isClosed() ? ", detached)" : ")");
    }
}
