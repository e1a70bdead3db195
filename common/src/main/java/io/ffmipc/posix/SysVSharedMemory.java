package io.ffmipc.posix;

import io.ffmipc.SystemVKeys;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SystemV;
import io.ffmipc.core.NativeMapping;
import io.ffmipc.core.OpenOrCreate;
import io.ffmipc.core.SharedMemorySizes;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A System V shared memory segment, named by an integer key ({@code shmget}), attached to this
 * process ({@code shmat}) until {@link #close()} ({@code shmdt}), on every OS with System V shared
 * memory (Linux, macOS). Unlike POSIX shared memory it reports who created it and how many
 * processes have it attached ({@link #stat()}), and a removed segment ({@link #remove()},
 * {@code IPC_RMID}) lives on until its last process detaches.
 *
 * <p>Permissions are exact: {@code shmget} does not apply the umask.
 */
final class SysVSharedMemory implements SystemV.Segment {
    private final SysVBinding b;
    private final int key;
    private final int id;
    private final String name;
    private final long size;
    private final boolean created;
    private final NativeMapping mapping;

    private SysVSharedMemory(SysVBinding b, int key, int id, long size, boolean created, MemorySegment address) {
        this.b = b;
        this.key = key;
        this.id = id;
        this.name = keyName(key);
        this.size = size;
        this.created = created;
        this.mapping = new NativeMapping(address, size, a -> b.lib.shmdt(NativeBinder.callState(), a),
                "System V shared memory", name);
    }

    /** Creates or opens the segment with this key and attaches it; see {@link SystemV#sharedMemory}. */
    static SysVSharedMemory open(SysVBinding b, int key, OpenMode mode, long size, Permissions permissions) {
        checkKey(key);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(permissions, "permissions");
        String name = keyName(key);
        SharedMemorySizes.checkRequest("shmget", name, mode, size, b.limits.maxSegmentSize());
        return switch (mode) {
            case CREATE -> create(b, key, size, permissions);
            case OPEN -> openExisting(b, key, size, permissions);
            case OPEN_OR_CREATE -> OpenOrCreate.run("shmget", name,
                    () -> create(b, key, size, permissions), () -> openExisting(b, key, size, permissions));
        };
    }

    /** Removes the segment with this key ({@code IPC_RMID}); false if there is none. */
    static boolean remove(SysVBinding b, int key) {
        checkKey(key);
        MemorySegment st = NativeBinder.callState();
        int id = b.lib.shmget(st, key, 0, 0);
        if (id < 0) {
            int errno = b.lib.errno(st);
            if (errno == b.enoent) {
                return false;
            }
            throw b.error("shmget", keyName(key), errno);
        }
        return removeId(b, id, keyName(key));
    }

    private static SysVSharedMemory create(SysVBinding b, int key, long size, Permissions permissions) {
        MemorySegment st = NativeBinder.callState();
        int flags = b.ipcCreat | b.ipcExcl | permissions.mode();
        int id = b.lib.shmget(st, key, size, flags);
        if (id < 0) {
            throw b.error("shmget", keyName(key), b.lib.errno(st), "creating " + size + " bytes, mode " + permissions);
        }
        try {
            return attach(b, key, id, size, true);
        } catch (RuntimeException e) {
            removeId(b, id, keyName(key)); // do not leave a segment nobody can have seen
            throw e;
        }
    }

    /** Looks the segment up, refuses it if another user owns it (unless accepted), and attaches it. */
    private static SysVSharedMemory openExisting(SysVBinding b, int key, long size, Permissions permissions) {
        MemorySegment st = NativeBinder.callState();
        int id = b.lib.shmget(st, key, 0, 0);
        if (id < 0) {
            throw b.error("shmget", keyName(key), b.lib.errno(st), "opening it");
        }
        Status status = stat(b, id, keyName(key));
        b.requireOwner(status.ownerUid() & 0xFFFF_FFFFL, permissions, "open System V shared memory",
                "System V shared memory", keyName(key));
        return attach(b, key, id, SharedMemorySizes.sizeToMap("shmget", keyName(key), size, status.size()), false);
    }

    private static SysVSharedMemory attach(SysVBinding b, int key, int id, long size, boolean created) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment address = b.lib.shmat(st, id, MemorySegment.NULL, 0);
        if (b.lib.failed(address)) {
            throw b.error("shmat", keyName(key), b.lib.errno(st), "id " + id);
        }
        return new SysVSharedMemory(b, key, id, size, created, address);
    }

    private static boolean removeId(SysVBinding b, int id, String name) {
        MemorySegment st = NativeBinder.callState();
        if (b.lib.shmctl(st, id, b.ipcRmid, MemorySegment.NULL) == 0) {
            return true;
        }
        int errno = b.lib.errno(st);
        if (errno == b.einval || errno == b.eidrm) {
            return false; // already removed by someone else
        }
        throw b.error("shmctl(IPC_RMID)", name, errno, "id " + id);
    }

    private static Status stat(SysVBinding b, int id, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(b.shmidDs.layout());
            MemorySegment st = NativeBinder.callState();
            if (b.lib.shmctl(st, id, b.ipcStat, buf) != 0) {
                throw b.error("shmctl(IPC_STAT)", name, b.lib.errno(st), "id " + id);
            }
            int mode = (int) SysVBinding.field(buf, b.shmidDs, "shm_perm.mode");
            return new Status(
                    SysVBinding.field(buf, b.shmidDs, "shm_segsz"),
                    SysVBinding.field(buf, b.shmidDs, "shm_nattch"),
                    (int) SysVBinding.field(buf, b.shmidDs, "shm_cpid"),
                    (int) SysVBinding.field(buf, b.shmidDs, "shm_lpid"),
                    (int) SysVBinding.field(buf, b.shmidDs, "shm_perm.uid"),
                    mode & 0777,
                    (mode & b.shmDest) != 0);
        }
    }

    private static void checkKey(int key) {
        if (key == SystemVKeys.IPC_PRIVATE) {
            throw new IllegalArgumentException("System V key 0 is IPC_PRIVATE, which names no shared segment"
                    + " (every shmget with it makes a new one); use a nonzero key");
        }
        if (key == -1) {
            throw new IllegalArgumentException("System V key -1 (0xffffffff) is what a failed ftok returns;"
                    + " use another key");
        }
    }

    private static String keyName(int key) {
        return String.format("key 0x%08x", key);
    }

    @Override
    public int key() {
        return key;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Status stat() {
        mapping.ensureOpen();
        return stat(b, id, name);
    }

    @Override
    public boolean remove() {
        mapping.ensureOpen();
        return removeId(b, id, name);
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
