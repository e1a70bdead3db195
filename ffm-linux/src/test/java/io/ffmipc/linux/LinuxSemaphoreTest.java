package io.ffmipc.linux;

import io.ffmipc.Ipc;
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
