package io.ffmipc.macos;

import io.ffmipc.Capability;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.ObjectKind;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.SystemV;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.macos.ffi.MacosPosix;
import io.ffmipc.posix.FileStatus;
import io.ffmipc.posix.PosixProcessSeam;
import io.ffmipc.posix.PosixSemaphoreSeam;
import io.ffmipc.spi.NativeSemaphore;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.testkit.StructureMemory;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only macOS itself can show: the facts the provider's answers rest on, asked of the real
 * kernel (the rest of the module shows them against a stand-in on Linux).
 */
@EnabledOnOs(OS.MAC)
class MacosOnlyTest {
    private static final MacosPosix LIB = MacosPosix.load();
    private final IpcPlatform platform = Ipc.platform();

    @Test
    void theMacosProviderIsInForceWithTheWaitItFound() {
        assertEquals("macOS", platform.os());
        assertInstanceOf(MacosSeams.class, StructureMemory.seams(platform));
        boolean osSync = MacosMatrix.atLeast(System.getProperty("os.version"), MacosMatrix.OS_SYNC_SINCE);
        assertEquals(osSync, StructureMemory.seams(platform).waitSeam().isPresent(),
                "os_sync is found exactly from 14.4 (ulock not opted in)");
        assertEquals(MacosMatrix.of(osSync), platform.matrix());
        assertTrue(platform.matrix().get(Capability.EVENT).toString().contains(osSync ? "os_sync" : "poll"));
    }

    @Test
    void sharedMemoryIsRoundedToPagesAndShowsNoFileType() {
        String name = TestNames.unique("shm-page");
        long page = LIB.sysctl("hw.pagesize");
        try (SharedMemory created = platform.sharedMemory(name, OpenMode.CREATE, 100);
             SharedMemory opened = platform.sharedMemory(name, OpenMode.OPEN, 0)) {
            assertEquals(100, created.size(), "the creator maps what it asked for");
            assertEquals(page, opened.size(), "an opener sees the size the one ftruncate rounded to a page");
            int fd = (int) opened.handle().orElseThrow().osHandle();
            FileStatus s = FileStatus.of(LIB, fd, name);
            assertEquals(LIB.sharedMemoryFileType(), s.type(), "pshm_stat fills in no file type");
            assertEquals(0600, s.mode(), "shm_open kept the mode exactly (no umask, no fchmod)");
            assertNull(LIB.descriptorPath(fd), "shared memory has no path");
        } finally {
            platform.removeSharedMemory(name);
        }
    }

    @Test
    void aSemaphoresOwnerComesFromTheKernelByItsDescriptor() {
        String name = TestNames.unique("sem-owner");
        PosixSemaphoreSeam seam = new PosixSemaphoreSeam(LIB);
        NativeSemaphore s = seam.create(name, 0, Permissions.OWNER_ONLY);
        try {
            ObjectOwner me = new PosixProcessSeam(LIB).currentUser();
            assertEquals(me, s.owner());
            NativeSemaphore opened = seam.open(name);
            assertEquals(me, opened.owner());
            opened.close();
            assertEquals(-1, s.value(), "sem_getvalue is a stub");
        } finally {
            s.close();
            seam.unlink(name);
        }
    }

    @Test
    void processFactsComeFromTheKernelForEveryUser() {
        long self = LIB.processStartKey(ProcessHandle.current().pid());
        assertNotEquals(0, self);
        assertEquals(self, LIB.processStartKey(ProcessHandle.current().pid()), "it does not change while it runs");
        assertNotEquals(0, LIB.processStartKey(1), "launchd, another user's process, is seen too");
        assertEquals(0, LIB.processStartKey(Integer.MAX_VALUE - 7), "no such process");
        assertEquals(System.getProperty("user.name"), LIB.userName(Integer.toUnsignedLong(LIB.geteuid())));
        assertTrue(LIB.environ().address() != 0);
    }

    @Test
    void aFilesPathIsItsFGetpath() throws Exception {
        Path f = Files.createTempFile("ffmipc-getpath-", ".bin");
        try {
            int fd = LIB.open(NativeBinder.callState(), java.lang.foreign.Arena.global().allocateFrom(f.toString()),
                    LIB.constant("O_RDONLY"), 0);
            assertTrue(fd >= 0);
            try {
                assertEquals(f.toRealPath().toString(), LIB.descriptorPath(fd));
            } finally {
                LIB.close(NativeBinder.callState(), fd);
            }
        } finally {
            Files.delete(f);
        }
    }

    /** macOS's System V queues hold 2048 bytes, and 40 messages system-wide: a larger message says so. */
    @Test
    void systemVMessageLimitsAreNamedInTheError() {
        SystemV sysv = platform.systemV().orElseThrow();
        int key = TestNames.uniqueSysVKey();
        try (SystemV.MessageQueue q = sysv.messageQueue(key, OpenMode.CREATE, Permissions.OWNER_ONLY)) {
            io.ffmipc.IpcLimitException e = org.junit.jupiter.api.Assertions.assertThrows(io.ffmipc.IpcLimitException.class,
                    () -> q.send(1, new byte[3000], java.time.Duration.ZERO));
            assertTrue(e.getMessage().contains("2048") && e.getMessage().contains("40 messages"), e.getMessage());
        } finally {
            sysv.removeMessageQueue(key);
        }
    }

    @Test
    void theListingShowsFifosAndSystemVObjectsFromIpcs() {
        String fifo = TestNames.unique("fifo-ls");
        SystemV sysv = platform.systemV().orElseThrow();
        int key = TestNames.uniqueSysVKey();
        platform.createStreamPipe(fifo, Permissions.OWNER_ONLY);
        try (SystemV.Segment seg = sysv.sharedMemory(key, OpenMode.CREATE, 4096, Permissions.OWNER_ONLY)) {
            var all = platform.list();
            assertTrue(all.stream().anyMatch(o -> o.kind() == ObjectKind.STREAM_PIPE && o.name().equals(fifo)), all.toString());
            assertTrue(all.stream().anyMatch(o -> o.kind() == ObjectKind.SYSV_SHARED_MEMORY
                    && o.name().equals(String.format("0x%08x", key))), all.toString());
        } finally {
            platform.removeStreamPipe(fifo);
            sysv.removeSharedMemory(key);
        }
    }
}
