package io.ffmipc.linux;

import io.ffmipc.IpcNames;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.RobustMutex;
import io.ffmipc.posix.KeyAnchor;
import io.ffmipc.core.SeamRobustMutex;
import io.ffmipc.posix.UndoSemaphoreMutex;

import java.nio.file.Path;

/**
 * Named robust mutexes on Linux: a System V semaphore set driven by the portable
 * {@link UndoSemaphoreMutex} protocol, found through the anchor file
 * {@code /dev/shm/.ffmipc-mutex.<name>} ({@link KeyAnchor}). No portable name starts with
 * {@code '.'}, so an anchor can never be mistaken for a POSIX shared-memory object or semaphore.
 */
final class LinuxRobustMutex {
    /** Anchor files are {@code /dev/shm/} + this + the portable name. */
    static final String ANCHOR_PREFIX = ".ffmipc-mutex.";
    static final String KIND = "mutex";

    private LinuxRobustMutex() {
    }

    static RobustMutex open(String name, OpenMode mode, Permissions permissions) {
        if (mode == null || permissions == null) {
            throw new IllegalArgumentException("mutex '" + name + "': open mode and permissions are required");
        }
        int key = anchor(name).open(mode, permissions);
        return new SeamRobustMutex(name, new UndoSemaphoreMutex(name, SysVUndoSemaphoreSet.open(name, key)));
    }

    static boolean remove(String name) {
        return anchor(name).remove();
    }

    static Path anchorFile(String name) {
        return Path.of("/dev/shm", ANCHOR_PREFIX + IpcNames.validate(name));
    }

    private static KeyAnchor anchor(String name) {
        return new KeyAnchor(anchorFile(name), KIND, name, SysVUndoSemaphoreSet.objects(name));
    }
}
