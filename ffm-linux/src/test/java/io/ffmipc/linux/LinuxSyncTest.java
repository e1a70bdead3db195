package io.ffmipc.linux;

import io.ffmipc.EventKind;
import io.ffmipc.Ipc;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.contract.SyncContract;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The process-shared sync contract on the futex seam, and the POSIX modes of the objects behind it. */
class LinuxSyncTest extends SyncContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    /**
     * Each sync type's shared-memory object gets exactly the mode asked for (not reduced by the
     * umask), owner-only by default; opening an existing one leaves its mode alone.
     */
    @Test
    void syncObjectsAreOwnerOnlyByDefaultAndWidenedOnlyOnRequest() {
        IpcPlatform ipc = platform();
        String n = TestNames.unique("perm");
        Permissions group = Permissions.ofMode(0660);
        try (var ownerOnly = ipc.event(n + "e0", OpenMode.CREATE, EventKind.AUTO_RESET);
             var event = ipc.event(n + "e", OpenMode.CREATE, EventKind.MANUAL_RESET, group);
             var condition = ipc.condition(n + "c", OpenMode.CREATE, group);
             var barrier = ipc.barrier(n + "b", OpenMode.CREATE, 2, group);
             var lock = ipc.readWriteLock(n + "l", OpenMode.CREATE, group);
             var reopened = ipc.readWriteLock(n + "l", OpenMode.OPEN_OR_CREATE, Permissions.everyone())) {
            assertEquals(0600, modeOf(n + "e0"));
            assertEquals(0660, modeOf(n + "e"));
            assertEquals(0660, modeOf(n + "c"));
            assertEquals(0660, modeOf(n + "b"));
            assertEquals(0660, modeOf(n + "l"), "opening an existing lock does not change its mode");
        } finally {
            ipc.removeEvent(n + "e0");
            ipc.removeEvent(n + "e");
            ipc.removeCondition(n + "c");
            ipc.removeBarrier(n + "b");
            ipc.removeReadWriteLock(n + "l");
        }
    }

    /** The mode of the one listed object whose stored name is {@code name} in its kind's namespace. */
    private int modeOf(String name) {
        List<IpcObjectInfo> found = platform().list().stream()
                .filter(i -> i.name().equals(name) || i.name().endsWith("." + name))
                .toList();
        assertEquals(1, found.size(), "objects for " + name + ": " + found);
        return found.get(0).mode();
    }
}
