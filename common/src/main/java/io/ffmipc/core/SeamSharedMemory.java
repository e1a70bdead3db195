package io.ffmipc.core;

import io.ffmipc.Inheritable;
import io.ffmipc.IpcNames;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.spi.NativeMemory;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.spi.SharedMemorySeam;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link SharedMemory} on any OS, over a {@link SharedMemorySeam}: the seam opens or creates once
 * and maps once; here are the open modes and the create/open race, the size rules, the owner check
 * (before anything is mapped), the messages, and a mapping bound to an arena so that touching it
 * after {@link #close()} throws instead of crashing the JVM.
 */
public final class SeamSharedMemory implements SharedMemory {
    private final NativeMemory object;
    private final NativeMapping mapping;
    private final long size;
    private final AtomicBoolean handleClosed = new AtomicBoolean();

    private SeamSharedMemory(NativeMemory object, NativeMapping mapping, long size) {
        this.object = object;
        this.mapping = mapping;
        this.size = size;
    }

    /** Named shared memory of the portable name {@code name}. */
    public static SharedMemory open(SharedMemorySeam seam, ProcessSeam processes, String name, OpenMode mode, long size,
                                    Permissions permissions) {
        IpcNames.validate(name);
        return openStored(seam, processes, name, name, "shared memory", mode, size, permissions);
    }

    /**
     * Shared memory under a stored name that may be a portable name or one the library reserves
     * for the objects it builds on shared memory ({@code .channel.<name>}): what the structures of
     * the core open.
     *
     * @param label how messages name it (the portable name of the structure)
     * @param what  what messages call it ({@code "channel"})
     */
    public static SharedMemory openStored(SharedMemorySeam seam, ProcessSeam processes, String storedName, String label,
                                          String what, OpenMode mode, long size, Permissions permissions) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(permissions, "permissions");
        String operation = "open " + what;
        SharedMemorySizes.checkRequest(operation, label, mode, size, seam.maxSize());
        NativeMemory object = OpenModes.open(mode, operation, what, label,
                () -> seam.create(storedName, size, permissions), () -> seam.open(storedName));
        return map(object, processes, permissions, operation, size);
    }

    /** Removes named shared memory; false if there was none. */
    public static boolean remove(SharedMemorySeam seam, String name) {
        return seam.unlink(IpcNames.validate(name));
    }

    /** A file mapped shared. */
    public static SharedMemory mapFile(SharedMemorySeam seam, ProcessSeam processes, Path file, OpenMode mode, long size,
                                       Permissions permissions) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(permissions, "permissions");
        String label = file.toString();
        SharedMemorySizes.checkRequest("map file", label, mode, size, Long.MAX_VALUE);
        NativeMemory object = OpenModes.open(mode, "map file", "mapped file", label,
                () -> seam.createFile(file, size, permissions), () -> seam.openFile(file));
        return map(object, processes, permissions, "map file", size);
    }

    /** Unnamed memory (see {@link io.ffmipc.IpcPlatform#anonymousSharedMemory}). */
    public static SharedMemory anonymous(SharedMemorySeam seam, String label, long size) {
        SharedMemorySizes.checkRequest("create anonymous shared memory", label, OpenMode.CREATE, size, seam.maxSize());
        return map(seam.createAnonymous(label, size), null, Permissions.OWNER_ONLY, "create anonymous shared memory",
                size);
    }

    /** The whole object behind a handle this process holds (a copy of it is used). */
    public static SharedMemory fromHandle(SharedMemorySeam seam, Inheritable handle) {
        Objects.requireNonNull(handle, "handle");
        return map(seam.fromHandle(handle.osHandle()), null, Permissions.OWNER_ONLY, "map shared memory from a handle",
                0);
    }

    /** The whole object behind an inherited handle, which the result takes over. */
    public static SharedMemory inherited(SharedMemorySeam seam, String token) {
        Objects.requireNonNull(token, "token");
        return map(seam.inherited(token), null, Permissions.OWNER_ONLY, "map inherited shared memory", 0);
    }

    /**
     * Checks the owner of an opened object ({@code processes} null: a handle the caller chose to
     * trust), the size to map, maps, and binds the mapping; on any failure closes the object and
     * removes what this call created.
     */
    private static SharedMemory map(NativeMemory object, ProcessSeam processes, Permissions permissions,
                                    String operation, long requested) {
        try {
            if (!object.created() && processes != null) {
                OwnerCheck.require(processes, object.owner(), permissions, operation, object.kind(), object.name());
            }
            long size = object.created() ? object.size()
                    : SharedMemorySizes.sizeToMap(operation, object.name(), requested, object.size());
            MemorySegment address = object.map(size);
            NativeMapping mapping = new NativeMapping(address, size, a -> object.unmap(a, size), object.kind(),
                    object.name());
            return new SeamSharedMemory(object, mapping, size);
        } catch (RuntimeException e) {
            object.close();
            if (object.created()) {
                object.unlink(); // leave nothing half-made behind
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return object.name();
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
        return object.created();
    }

    @Override
    public void unlink() {
        mapping.ensureOpen();
        object.unlink();
    }

    @Override
    public Optional<Inheritable> handle() {
        mapping.ensureOpen();
        OptionalLong h = object.handle();
        return h.isPresent() ? Optional.of(this::handleValue) : Optional.empty();
    }

    private long handleValue() {
        mapping.ensureOpen();
        return object.handle().orElseThrow();
    }

    @Override
    public void close() {
        mapping.close();
        if (handleClosed.compareAndSet(false, true)) {
            object.close();
        }
    }

    @Override
    public String toString() {
        return object.kind() + " '" + object.name() + "' (" + size + " bytes" + (mapping.isClosed() ? ", closed)" : ")");
    }
}
