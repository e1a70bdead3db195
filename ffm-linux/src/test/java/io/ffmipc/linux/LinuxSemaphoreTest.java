package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.testkit.FileModes;
import io.ffmipc.contract.SemaphoreContract;
import io.ffmipc.linux.ffi.LibC;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The semaphore contract on POSIX named semaphores, plus what is Linux-specific about them. */
class LinuxSemaphoreTest extends SemaphoreContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Test
    void theMaximumIsGlibcsSemValueMax() {
        assertEquals(LibC.SEM_VALUE_MAX.intValue(), platform().limits().maxSemaphoreValue());
    }

    /**
     * A semaphore another user holds under the name (here: ours, handed to uid 65534 as if nobody
     * had created it first) is refused on OPEN and OPEN_OR_CREATE with an error naming the owner
     * and the option, and opened only with {@link Permissions#acceptingForeignOwner()}.
     */
    @Test
    void aSemaphoreOfAnotherUserIsRefusedUnlessAccepted() throws Exception {
        assumeTrue(ForeignOwner.canChown(), ForeignOwner.WHY_NOT);
        String name = newName();
        try (Semaphore mine = platform().semaphore(name, OpenMode.CREATE, 1, Permissions.everyone())) {
            ForeignOwner.give(Path.of("/dev/shm/sem." + name));
            for (OpenMode mode : new OpenMode[] {OpenMode.OPEN, OpenMode.OPEN_OR_CREATE}) {
                IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class,
                        () -> platform().semaphore(name, mode, 0), mode.toString());
                ForeignOwner.assertNamed(e, name);
            }
            try (Semaphore theirs = platform().semaphore(name, OpenMode.OPEN, 0,
                    Permissions.OWNER_ONLY.acceptingForeignOwner())) {
                assertTrue(theirs.tryAcquire());
                assertEquals(0, mine.value(), "the same semaphore");
            }
        }
    }

    @Test
    void theFileHasExactlyTheRequestedModeWhateverTheUmask() throws Exception {
        for (Permissions p : new Permissions[] {Permissions.OWNER_ONLY, Permissions.everyone(), Permissions.ofMode(0640)}) {
            String name = newName();
            try (Semaphore s = platform().semaphore(name, OpenMode.CREATE, 0, p)) {
                Path file = Path.of("/dev/shm/sem." + s.name());
                assertEquals(FileModes.rwx(p.mode()),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "mode of " + file);
            }
        }
    }
}
