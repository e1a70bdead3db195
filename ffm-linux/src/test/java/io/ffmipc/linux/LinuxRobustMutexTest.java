package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ObjectKind;
import io.ffmipc.IpcPlatform;
import io.ffmipc.LockResult;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.RobustMutex;
import io.ffmipc.testkit.FileModes;
import io.ffmipc.contract.RobustMutexContract;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.SystemV;
import io.ffmipc.posix.KeyAnchor;
import io.ffmipc.posix.PosixMutexSeams;
import io.ffmipc.posix.UndoSemaphoreMutex;
import io.ffmipc.ffi.NativeBinder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The robust-mutex contract on System V SEM_UNDO sets, plus the Linux naming (anchor files) and permissions. */
class LinuxRobustMutexTest extends RobustMutexContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    /** The System V set's key lies outside the tests' key range, so check here that removal took it too. */
    @Override
    protected void remove(String name) {
        OptionalInt key = KeyAnchor.readKey(LibC.INSTANCE, anchorFile(name).toString());
        super.remove(name);
        assertFalse(Files.exists(anchorFile(name), LinkOption.NOFOLLOW_LINKS), "anchor of '" + name + "' left behind");
        if (key.isPresent()) {
            assertFalse(systemV().removeSemaphoreSet(key.getAsInt()),
                    "the System V set of '" + name + "' (key 0x" + Integer.toHexString(key.getAsInt()) + ") was left behind");
        }
    }

    private static int keyOf(String name) {
        return KeyAnchor.readKey(LibC.INSTANCE, anchorFile(name).toString()).orElseThrow();
    }

    /** The anchor of a mutex: {@code /dev/shm/.mutex.NAME}. */
    static Path anchorFile(String name) {
        return Path.of(PosixMutexSeams.anchorFile(LibC.INSTANCE, name));
    }

    private static SystemV systemV() {
        return Ipc.platform().systemV().orElseThrow();
    }

    @Test
    void theAnchorHasTheReservedMutexName() {
        String name = newName();
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            assertEquals(Path.of("/dev/shm", ".mutex." + name), anchorFile(name));
            assertTrue(Files.isRegularFile(anchorFile(name), LinkOption.NOFOLLOW_LINKS));
        }
    }

    @Test
    void anchorAndSetHaveExactlyTheRequestedMode() throws IOException {
        for (Permissions p : new Permissions[] {Permissions.OWNER_ONLY, Permissions.ofMode(0660), Permissions.everyone()}) {
            String name = newName();
            try (RobustMutex m = platform().mutex(name, OpenMode.CREATE, p)) {
                Path anchor = anchorFile(name);
                assertEquals(FileModes.rwx(p.mode()),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(anchor)), "mode of " + anchor);
                try (SystemV.SemaphoreSet set = systemV().semaphoreSet(keyOf(name), OpenMode.OPEN, 0)) {
                    assertEquals(p.mode(), set.stat().mode(), "mode of the System V set");
                    assertEquals(UndoSemaphoreMutex.SEMAPHORES, set.size());
                }
            }
        }
    }

    @Test
    void distinctNamesGetDistinctSetsAndTheListerShowsThem() {
        String a = newName();
        String b = newName();
        try (RobustMutex ma = platform().mutex(a, OpenMode.CREATE);
             RobustMutex mb = platform().mutex(b, OpenMode.CREATE)) {
            assertNotEquals(keyOf(a), keyOf(b));
            assertEquals(LockResult.ACQUIRED, ma.lock());
            assertEquals(LockResult.ACQUIRED, mb.tryLock(), "another name is another lock");
            mb.unlock();
            ma.unlock();
            List<IpcObjectInfo> all = platform().list();
            IpcObjectInfo shown = all.stream().filter(o -> o.kind() == ObjectKind.MUTEX && o.name().equals(a)).findFirst()
                    .orElseThrow(() -> new AssertionError("mutex '" + a + "' not listed: " + all));
            assertEquals(String.format("sysv-sem key=0x%08x", keyOf(a)), shown.detail());
            assertEquals(0600, shown.mode());
        }
    }

    @Test
    void aSetRemovedBehindItsBackIsMissingForOpenAndRecreatedByOpenOrCreate() {
        String name = newName();
        int oldKey;
        try (RobustMutex m = platform().mutex(name, OpenMode.CREATE)) {
            oldKey = keyOf(name);
        }
        assertTrue(systemV().removeSemaphoreSet(oldKey)); // as ipcrm would
        NoSuchIpcObjectException stale = assertThrows(NoSuchIpcObjectException.class, () -> platform().mutex(name, OpenMode.OPEN));
        assertTrue(stale.getMessage().contains("gone"), stale.getMessage());
        try (RobustMutex m = platform().mutex(name, OpenMode.OPEN_OR_CREATE)) {
            assertNotEquals(oldKey, keyOf(name));
            assertEquals(LockResult.ACQUIRED, m.tryLock());
            m.unlock();
        }
    }

    @Test
    void aCreatorThatDiedInitialisingIsRepairedAndAForeignKeyIsRefused() throws IOException {
        String name = newName();
        Path anchor = anchorFile(name);
        int key = io.ffmipc.testkit.TestNames.uniqueSysVKey();
        // The remains of a creator killed between semget and its first semop: the key in the anchor,
        // a set whose sem_otime is still 0.
        Files.writeString(anchor, String.format("ffmipc-anchor 1 mutex key=0x%08x%n", key));
        int id = LibC.INSTANCE.semget(NativeBinder.callState(), key, UndoSemaphoreMutex.SEMAPHORES,
                LibC.IPC_CREAT.intValue() | LibC.IPC_EXCL.intValue() | 0600);
        assertTrue(id >= 0, "semget");
        try {
            assertThrows(NoSuchIpcObjectException.class, () -> platform().mutex(name, OpenMode.OPEN));
            try (RobustMutex m = platform().mutex(name, OpenMode.OPEN_OR_CREATE)) {
                assertEquals(LockResult.ACQUIRED, m.tryLock(), "a fresh set: free and clean");
                m.unlock();
            }
            assertFalse(systemV().removeSemaphoreSet(key), "the half-initialised set was removed");
        } finally {
            systemV().removeSemaphoreSet(key);
        }

        String other = newName();
        int foreignKey = io.ffmipc.testkit.TestNames.uniqueSysVKey();
        try (SystemV.SemaphoreSet foreign = systemV().semaphoreSet(foreignKey, OpenMode.CREATE, 1, 1)) {
            Files.writeString(anchorFile(other), String.format("ffmipc-anchor 1 mutex key=0x%08x%n", foreignKey));
            IpcException e = assertThrows(IpcException.class, () -> platform().mutex(other, OpenMode.OPEN_OR_CREATE));
            assertTrue(e.getMessage().contains("not a mutex"), e.getMessage());
            assertEquals(1, foreign.value(0), "a foreign set is never touched");
            Files.delete(anchorFile(other));
        } finally {
            systemV().removeSemaphoreSet(foreignKey);
        }
    }

    @Test
    void aFileThatIsNoAnchorIsNamedInTheError() throws IOException {
        String name = newName();
        Files.writeString(anchorFile(name), "something else\n");
        IpcException e = assertThrows(IpcException.class, () -> platform().mutex(name, OpenMode.OPEN_OR_CREATE));
        assertTrue(e.getMessage().contains("is not an ffm-ipc mutex anchor"), e.getMessage());
        Files.delete(anchorFile(name));
    }
}
