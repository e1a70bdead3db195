package io.ffmipc.posix;

import io.ffmipc.IpcNames;
import io.ffmipc.OpenMode;
import io.ffmipc.core.StoredNames;
import io.ffmipc.Permissions;
import io.ffmipc.spi.MutexSeam;
import io.ffmipc.spi.MutexSeams;

/**
 * Named robust mutexes on a POSIX OS with System V semaphores (Linux, macOS): a set of
 * {@value UndoSemaphoreMutex#SEMAPHORES} semaphores driven by the {@link UndoSemaphoreMutex}
 * protocol, found through an anchor file ({@link KeyAnchor}) whose name is the reserved stored
 * name {@code .mutex.<name>} ({@link IpcNames#reserved}) in the OS's anchor directory
 * ({@link PosixLibrary#anchorFile}). No portable name starts with {@code '.'}, so an anchor is
 * never a user's shared memory, and the {@code mutex} tag keeps it apart from the library's other
 * reserved objects.
 */
public final class PosixMutexSeams implements MutexSeams {
    /** The kind tag of anchors: their stored names are {@code .mutex.<name>}. */
    public static final String KIND = StoredNames.MUTEX_TAG;
    /** What every mutex anchor's file name starts with (listings find mutexes by it). */
    public static final String ANCHOR_PREFIX = "." + KIND + ".";

    private final SysVBinding binding;

    PosixMutexSeams(SysVBinding binding) {
        this.binding = binding;
    }

    @Override
    public MutexSeam open(String name, OpenMode mode, Permissions permissions) {
        int key = anchor(name).open(mode, permissions);
        return new UndoSemaphoreMutex(name, SysVUndoSemaphoreSet.open(binding, name, key));
    }

    @Override
    public boolean remove(String name) {
        return anchor(name).remove();
    }

    /** The anchor file of the mutex {@code name} on this OS. */
    public static String anchorFile(PosixLibrary lib, String name) {
        return lib.anchorFile(IpcNames.reserved(KIND, name));
    }

    private KeyAnchor anchor(String name) {
        return new KeyAnchor(binding.lib, binding.processes, anchorFile(binding.lib, name), KIND, name,
                SysVUndoSemaphoreSet.objects(binding, name));
    }
}
