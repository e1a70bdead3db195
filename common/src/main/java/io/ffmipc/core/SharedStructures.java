package io.ffmipc.core;

import io.ffmipc.ChannelVersionException;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.IpcNames;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.PlatformSeams;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one lifecycle of every structure the library builds on shared memory (channel, portable
 * message queue, event, condition, barrier, read-write lock):
 * <ol>
 *   <li><b>Create</b>: the object under the kind's stored name ({@link StructureKind#storedName}),
 *       created exclusively with the caller's permissions, zeroed; the kind's fields are written;
 *       then the magic word at offset 0, with release semantics, LAST — it is the ready flag.</li>
 *   <li><b>Open</b>: the existing object, checked for its owner like any shared memory; while it is
 *       empty or smaller than the kind's header (its creator is between creating and sizing it)
 *       or its magic is still 0 (between sizing and publishing), the opener waits, at most the
 *       given time; then the magic is loaded with acquire semantics and must be the kind's at this
 *       library's layout version — anything else is a {@link ChannelVersionException} naming what
 *       was found. Nothing else is read before the magic.</li>
 *   <li><b>Fail</b>: whatever the creating call made is removed again; an opener closes its mapping.</li>
 * </ol>
 */
public final class SharedStructures {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    /** Offset of the magic word in every structure. */
    public static final long MAGIC_OFFSET = 0;

    private SharedStructures() {
    }

    /** What a kind's open does with the memory once it is ready. */
    public interface Opening<T> {
        /**
         * Builds the handle on memory this call created (after {@code init}) or opened (after the
         * magic checked out); on an exception the lifecycle cleans up.
         */
        T apply(SharedMemory memory, boolean created);
    }

    /**
     * Opens or creates per {@code mode} and builds the handle.
     *
     * @param size           bytes a created structure gets
     * @param minSize        the smallest object an opener accepts (the kind's header)
     * @param openTimeoutNanos how long an opener waits for a creator that has not finished
     * @param init           writes the kind's fields into fresh, zeroed memory (before the magic)
     */
    public static <T> T open(PlatformSeams seams, StructureKind kind, String name, OpenMode mode, long size,
                             long minSize, Permissions permissions, long openTimeoutNanos,
                             Consumer<MemorySegment> init, Opening<T> opening) {
        Objects.requireNonNull(seams, "seams");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(permissions, "permissions");
        IpcNames.validate(name);
        return switch (mode) {
            case CREATE -> create(seams, kind, name, size, permissions, init, opening);
            case OPEN -> openExisting(seams, kind, name, minSize, permissions, openTimeoutNanos, opening);
            case OPEN_OR_CREATE -> OpenOrCreate.run("open " + kind.title(), name,
                    () -> create(seams, kind, name, size, permissions, init, opening),
                    () -> openExisting(seams, kind, name, minSize, permissions, openTimeoutNanos, opening));
        };
    }

    /** Removes the structure's object; false if there was none. Open handles keep working. */
    public static boolean remove(PlatformSeams seams, StructureKind kind, String name) {
        IpcNames.validate(name);
        return seams.sharedMemory().unlink(kind.storedName(name));
    }

    private static <T> T create(PlatformSeams seams, StructureKind kind, String name, long size, Permissions permissions,
                                Consumer<MemorySegment> init, Opening<T> opening) {
        SharedMemory memory = SeamSharedMemory.openStored(seams.sharedMemory(), seams.processes(),
                kind.storedName(name), name, kind.title(), OpenMode.CREATE, size, permissions);
        try {
            MemorySegment s = memory.segment();
            init.accept(s);
            T handle = opening.apply(memory, true);
            // Release, LAST: every field above is visible to an opener that acquires the magic.
            INT.setRelease(s, MAGIC_OFFSET, kind.magic());
            return handle;
        } catch (RuntimeException e) {
            memory.unlink();
            memory.close();
            throw e;
        }
    }

    private static <T> T openExisting(PlatformSeams seams, StructureKind kind, String name, long minSize,
                                      Permissions permissions, long timeoutNanos, Opening<T> opening) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            SharedMemory memory = mapExisting(seams, kind, name, permissions, deadline);
            try {
                if (memory.size() < minSize) {
                    if (System.nanoTime() - deadline >= 0) {
                        throw new ChannelVersionException("open " + kind.title(), name, "its shared memory has "
                                + memory.size() + " bytes, less than " + kind.withArticle() + "'s header of " + minSize
                                + " bytes: it is not " + kind.withArticle() + " of this library");
                    }
                } else {
                    // Acquire: pairs with the creator's release; nothing else is read before it.
                    int magic = (int) INT.getAcquire(memory.segment(), MAGIC_OFFSET);
                    if (magic != 0) {
                        checkMagic(kind, name, magic);
                        return opening.apply(memory, false);
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw new IpcException("open " + kind.title(), name, null, "its creator did not finish"
                                + " initialising it within " + timeoutNanos / 1_000_000 + " ms (it may have died);"
                                + " remove it and create it again");
                    }
                }
            } catch (RuntimeException e) {
                memory.close();
                throw e;
            }
            memory.close();
            pause(kind, name);
        }
    }

    /** Maps the existing object whole, waiting while it is still empty (its creator has not sized it). */
    private static SharedMemory mapExisting(PlatformSeams seams, StructureKind kind, String name,
                                            Permissions permissions, long deadline) {
        while (true) {
            try {
                return SeamSharedMemory.openStored(seams.sharedMemory(), seams.processes(), kind.storedName(name),
                        name, kind.title(), OpenMode.OPEN, 0, permissions);
            } catch (NoSuchIpcObjectException | IpcAccessDeniedException e) {
                throw e;
            } catch (IpcException empty) {
                if (System.nanoTime() - deadline >= 0) {
                    throw empty;
                }
            }
            pause(kind, name);
        }
    }

    /** Refuses a magic word that is not {@code kind}'s at this library's version, naming what it is. */
    public static void checkMagic(StructureKind kind, String name, int magic) {
        if (magic == kind.magic()) {
            return;
        }
        String op = "open " + kind.title();
        StructureKind found = StructureKind.byMagic(magic);
        if (found == null) {
            throw new ChannelVersionException(op, name, String.format("the shared memory is not %s of this library"
                    + " (magic word 0x%08x; %s's is 0x%08x)", kind.withArticle(), magic, kind.withArticle(), kind.magic()));
        }
        if (found != kind) {
            throw new ChannelVersionException(op, name, "the shared memory holds " + found.withArticle() + ", not "
                    + kind.withArticle());
        }
        throw new ChannelVersionException(op, name, "the " + kind.title() + " was created with layout version "
                + (magic & 0xffff) + " (by another version of ffm-ipc); this library reads layout version "
                + kind.version() + " only. Use the same ffm-ipc version on both sides.");
    }

    private static void pause(StructureKind kind, String name) {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpcInterruptedException("open " + kind.title(), name);
        }
    }
}
