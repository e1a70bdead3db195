package io.ffmipc.sync;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.spi.SpiPlatform;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One process's handle on a process-shared structure: its shared memory object, the seam words on
 * it and a {@link CloseGuard}. Creating writes the structure and then its magic (see
 * {@link SyncHeader}); opening waits up to {@link #READY_MILLIS} for the magic and refuses one of
 * another kind or version.
 */
final class SharedStructure implements AutoCloseable {
    /** How long an opener waits for a creator that is between creating the object and publishing it. */
    static final long READY_MILLIS = 1000;

    final SyncKind kind;
    final String name;
    final SharedMemory memory;
    final MemorySegment segment;
    final CloseGuard guard;
    private final SpiPlatform platform;
    private final List<SharedWord> words = new ArrayList<>();

    private SharedStructure(SpiPlatform platform, SyncKind kind, String name, SharedMemory memory) {
        this.platform = platform;
        this.kind = kind;
        this.name = name;
        this.memory = memory;
        this.segment = memory.segment();
        this.guard = new CloseGuard(kind.title, name);
    }

    /**
     * @param init  writes the structure's fields into fresh (zeroed) memory, before the magic
     * @param check checks an existing structure's configuration against the caller's; throws if they differ
     */
    static SharedStructure open(IpcPlatform ipc, SyncKind kind, String name, OpenMode mode, Permissions permissions,
                                Consumer<MemorySegment> init, Consumer<MemorySegment> check) {
        SpiPlatform platform = SpiPlatform.of(Objects.requireNonNull(ipc, "platform"));
        String objectName = kind.objectName(name);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(permissions, "permissions");
        SharedMemory memory = map(platform, kind, objectName, mode, permissions);
        try {
            MemorySegment s = memory.segment();
            if (memory.created()) {
                init.accept(s);
                // Release: every field init wrote is visible to whoever acquires the magic.
                SharedInts.setRelease(s, SyncHeader.MAGIC, kind.magic());
            } else {
                checkMagic(kind, name, awaitMagic(s));
                check.accept(s);
            }
            return new SharedStructure(platform, kind, name, memory);
        } catch (RuntimeException e) {
            if (memory.created()) {
                memory.unlink();
            }
            memory.close();
            throw e;
        }
    }

    /**
     * {@link #open(IpcPlatform, SyncKind, String, OpenMode, Permissions, Consumer, Consumer) Opens} the structure and
     * wraps it in its type's handle; if making the handle fails, the structure is closed again.
     */
    static <T> T open(IpcPlatform ipc, SyncKind kind, String name, OpenMode mode, Permissions permissions,
                      Consumer<MemorySegment> init, Consumer<MemorySegment> check, Function<SharedStructure, T> handle) {
        SharedStructure shared = open(ipc, kind, name, mode, permissions, init, check);
        try {
            return handle.apply(shared);
        } catch (RuntimeException e) {
            shared.close();
            throw e;
        }
    }

    /**
     * Maps the object (created with {@code permissions}: every process that uses a structure writes
     * to it, so each needs read and write); an existing one still being sized by its creator is
     * retried briefly.
     */
    private static SharedMemory map(SpiPlatform platform, SyncKind kind, String objectName, OpenMode mode,
                                    Permissions permissions) {
        long until = System.nanoTime() + READY_MILLIS * 1_000_000L;
        while (true) {
            try {
                return platform.sharedMemory(objectName, mode, SyncHeader.SIZE, permissions);
            } catch (IpcLimitException tooSmall) {
                // shm_open and ftruncate are two steps: a creator may be between them.
                if (mode == OpenMode.CREATE || System.nanoTime() - until > 0) {
                    throw new IpcException("open " + kind.title, objectName, null, "the object is smaller than a "
                            + kind.title + " (" + SyncHeader.SIZE + " bytes): it is not a " + kind.title
                            + " of this library (" + tooSmall.getMessage() + ")");
                }
                pause();
            }
        }
    }

    private static int awaitMagic(MemorySegment s) {
        long until = System.nanoTime() + READY_MILLIS * 1_000_000L;
        int magic;
        // Acquire: a non-zero magic means the creator's fields are visible to us.
        while ((magic = SharedInts.getAcquire(s, SyncHeader.MAGIC)) == 0 && System.nanoTime() - until < 0) {
            pause();
        }
        return magic;
    }

    static void checkMagic(SyncKind kind, String name, int magic) {
        String op = "open " + kind.title;
        if (magic == kind.magic()) {
            return;
        }
        if (magic == 0) {
            throw new IpcException(op, name, null, "the " + kind.title + " was never made ready: its creator did not"
                    + " finish within " + READY_MILLIS + " ms (it may have died); remove it and create it again");
        }
        if (!SyncHeader.isOurs(magic)) {
            throw new IpcException(op, name, null, String.format("the shared memory object '%s' is not an ffm-ipc "
                    + "structure (magic 0x%08x)", kind.objectName(name), magic));
        }
        SyncKind other = SyncKind.byTag(SyncHeader.tag(magic));
        if (other != kind) {
            throw new IpcException(op, name, null, "'" + kind.objectName(name) + "' holds "
                    + (other == null ? "a structure of unknown kind '" + SyncHeader.tag(magic) + "'" : other.withArticle())
                    + ", not " + kind.withArticle());
        }
        throw new IpcException(op, name, null, "the " + kind.title + " was created by a peer using layout version "
                + SyncHeader.version(magic) + "; this library speaks version " + SyncHeader.VERSION
                + ", so the two cannot share it");
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.ffmipc.IpcInterruptedException("open", null);
        }
    }

    /** A seam word of this structure; closed with it. */
    SharedWord word(long offset) {
        SharedWord w = platform.waitSeam().word(memory, offset);
        words.add(w);
        return w;
    }

    /** Removes the name; handles already open keep working. */
    void unlink() {
        guard.checkOpen();
        memory.unlink();
    }

    /** Removes a structure's object by its portable name; false if there was none. */
    static boolean remove(IpcPlatform platform, SyncKind kind, String name) {
        return platform.removeSharedMemory(kind.objectName(name));
    }

    /**
     * Closing the words first ends any wait in progress within one wait slice (its thread gets
     * {@link IllegalStateException}); then the guard waits for running calls, then the memory is unmapped.
     */
    @Override
    public void close() {
        for (SharedWord w : words) {
            w.close();
        }
        if (guard.close()) {
            memory.close();
        }
    }

    @Override
    public String toString() {
        return kind.title + " '" + name + "'" + (guard.isClosed() ? " (closed)" : "");
    }
}
