package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ObjectKind;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.SystemV;
import io.ffmipc.contract.SharedMemoryContract;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.testkit.SysVKeysToRemove;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The shared-memory contract on Linux, plus what only Linux has: modes in /dev/shm, System V shm, list(). */
class LinuxSharedMemoryTest extends SharedMemoryContract {
    @RegisterExtension
    final SysVKeysToRemove keys = new SysVKeysToRemove(key -> systemV().removeSharedMemory(key));

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    private static SystemV systemV() {
        return Ipc.platform().systemV().orElseThrow();
    }

    @Override
    protected OptionalInt observedMode(String name) {
        return OptionalInt.of(modeOf(Path.of("/dev/shm", name)));
    }

    private static int modeOf(Path p) {
        try {
            return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0777;
        } catch (IOException e) {
            throw new AssertionError("cannot read the mode of " + p, e);
        }
    }

    // ------------------------------------------------------------ POSIX permissions

    /** A well-formed token naming a closed descriptor, or one that is not memory, is a typed error; stdin stays open. */
    @Test
    void anInheritanceTokenThatIsNotSharedMemoryIsRefused() {
        IpcException closed = assertThrows(IpcException.class, () -> platform().inheritedSharedMemory("fd:1000000"));
        assertTrue(closed.getMessage().contains("EBADF"), closed.getMessage());
        IpcException notMemory = assertThrows(IpcException.class, () -> platform().inheritedSharedMemory("fd:0"));
        assertTrue(notMemory.getMessage().contains("regular file") || notMemory.getMessage().contains("mmap"),
                notMemory.getMessage());
        assertTrue(Files.exists(Path.of("/proc/self/fd/0")), "a refused token does not close the descriptor");
    }

    /**
     * Unnamed memory is a memfd whose size is sealed: no process it is handed to can shrink it under
     * another's mapping (the SIGBUS that would kill a JVM) or grow it; closing releases the descriptor.
     */
    @Test
    void anonymousMemoryIsASealedMemfdReleasedOnClose() throws IOException {
        SharedMemory shm = platform().anonymousSharedMemory(8192);
        int fd = (int) shm.handle().orElseThrow().osHandle();
        Path link = Path.of("/proc/self/fd/" + fd);
        String target = Files.readSymbolicLink(link).toString();
        try {
            assertTrue(target.startsWith("/memfd:ffmipc-" + shm.name()), target);
            MemorySegment st = NativeBinder.callState();
            int seals = LibC.INSTANCE.fcntl(st, fd, LibC.F_GET_SEALS.intValue(), 0);
            int expected = LibC.F_SEAL_SHRINK.intValue() | LibC.F_SEAL_GROW.intValue()
                    | LibC.F_SEAL_SEAL.intValue();
            assertEquals(expected, seals & expected, "seals 0x" + Integer.toHexString(seals));
            assertEquals(-1, LibC.INSTANCE.ftruncate(st, fd, 4096), "shrinking is refused");
            assertEquals(Errno.EPERM.intValue(), LibC.INSTANCE.errno(st));
            assertEquals(-1, LibC.INSTANCE.ftruncate(st, fd, 16384), "growing is refused");
            shm.segment().set(JAVA_LONG, 8184, 7L); // the last word is still there to touch
        } finally {
            shm.close();
        }
        boolean stillOurs;
        try {
            stillOurs = Files.readSymbolicLink(link).toString().equals(target);
        } catch (java.nio.file.NoSuchFileException gone) {
            stillOurs = false;
        }
        assertFalse(stillOurs, "the memfd descriptor was closed");
    }

    @Test
    void requestedModeIsExactDespiteTheUmask() {
        // The build runs with a umask (typically 022) that would turn 0666 into 0644 and 0660 into 0640.
        for (int mode : new int[] {0666, 0660, 0604, 0400}) {
            String name = newName();
            track(platform().sharedMemory(name, OpenMode.CREATE, 4096, Permissions.ofMode(mode)));
            assertEquals(mode, modeOf(Path.of("/dev/shm", name)), "mode 0" + Integer.toOctalString(mode));
        }
    }

    @Test
    void objectLivesInDevShmWithItsSize() throws IOException {
        String name = newName();
        track(platform().sharedMemory(name, OpenMode.CREATE, 12345));
        assertEquals(12345, Files.size(Path.of("/dev/shm", name)));
    }

    @Test
    void limitsDescribeThisSystem() throws IOException {
        var limits = platform().limits();
        assertEquals(Files.getFileStore(Path.of("/dev/shm")).getTotalSpace(), limits.maxSharedMemorySize());
        assertEquals(Integer.MAX_VALUE, limits.maxSemaphoreValue());
        assertEquals(io.ffmipc.IpcNames.MAX_LENGTH, limits.maxNameLength());
    }

    // ------------------------------------------------------------ mapped files

    @Test
    void mappedFileIsCreatedSizedSharedAndRemoved(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.bin");
        try (SharedMemory a = platform().mapFile(file, OpenMode.CREATE, 8192, Permissions.ofMode(0640));
             SharedMemory b = platform().mapFile(file, OpenMode.OPEN, 0, Permissions.OWNER_ONLY)) {
            assertTrue(a.created());
            assertFalse(b.created());
            assertEquals(8192, Files.size(file));
            assertEquals(0640, modeOf(file));
            assertEquals(8192, b.size());
            assertEquals(file.toString(), a.name());
            a.segment().set(JAVA_LONG, 4096, -7L);
            assertEquals(-7L, b.segment().get(JAVA_LONG, 4096));

            IpcObjectExistsException exists = assertThrows(IpcObjectExistsException.class,
                    () -> platform().mapFile(file, OpenMode.CREATE, 10, Permissions.OWNER_ONLY));
            assertTrue(exists.getMessage().contains(file.toString()), exists.getMessage());
            IpcLimitException larger = assertThrows(IpcLimitException.class,
                    () -> platform().mapFile(file, OpenMode.OPEN, 8193, Permissions.OWNER_ONLY));
            assertTrue(larger.getMessage().contains("8193") && larger.getMessage().contains("8192"),
                    larger.getMessage());

            a.unlink();
            assertFalse(Files.exists(file));
            assertEquals(-7L, b.segment().get(JAVA_LONG, 4096), "mappings outlive the file's name");
        }
        // the mapping is written through to the file: map it again after writing
        try (SharedMemory c = platform().mapFile(file, OpenMode.OPEN_OR_CREATE, 64, Permissions.OWNER_ONLY)) {
            assertTrue(c.created());
            c.segment().set(JAVA_INT, 0, 0x01020304);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(64, bytes.length);
        assertEquals(4, bytes[0], "little-endian int written through the mapping");
    }

    @Test
    void mappedFileBadInput(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.bin");
        NoSuchIpcObjectException e = assertThrows(NoSuchIpcObjectException.class,
                () -> platform().mapFile(missing, OpenMode.OPEN, 0, Permissions.OWNER_ONLY));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("ENOENT"),
                e.getMessage());
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        IpcException emptyError = assertThrows(IpcException.class,
                () -> platform().mapFile(empty, OpenMode.OPEN, 0, Permissions.OWNER_ONLY));
        assertTrue(emptyError.getMessage().contains("empty"), emptyError.getMessage());
        IpcException directory = assertThrows(IpcException.class,
                () -> platform().mapFile(dir, OpenMode.OPEN, 0, Permissions.OWNER_ONLY));
        assertTrue(directory.getMessage().contains("EISDIR"), directory.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> platform().mapFile(dir.resolve("z.bin"), OpenMode.CREATE, 0, Permissions.OWNER_ONLY));
        assertTrue(zero.getMessage().contains("at least 1 byte"), zero.getMessage());
        assertFalse(Files.exists(dir.resolve("z.bin")));
    }

    // ------------------------------------------------------------ list()

    @Test
    void listShowsTheObjectsCreated() {
        String name = newName();
        int key = keys.next();
        track(platform().sharedMemory(name, OpenMode.CREATE, 8192, Permissions.ofMode(0640)));
        try (SystemV.Segment sysv = systemV().sharedMemory(key, OpenMode.CREATE, 4096, Permissions.ofMode(0604))) {
            List<IpcObjectInfo> all = platform().list();
            IpcObjectInfo posix = all.stream().filter(i -> i.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not listed in " + all));
            assertEquals(ObjectKind.SHARED_MEMORY, posix.kind());
            assertEquals(0640, posix.mode());
            assertEquals(8192, posix.size());
            assertEquals(-1, posix.id());
            assertEquals(userName(), posix.owner());

            String keyName = String.format("0x%08x", key);
            IpcObjectInfo seg = all.stream().filter(i -> i.name().equals(keyName)).findFirst()
                    .orElseThrow(() -> new AssertionError(keyName + " not listed in " + all));
            assertEquals(ObjectKind.SYSV_SHARED_MEMORY, seg.kind());
            assertEquals(sysv.id(), seg.id());
            assertEquals(0604, seg.mode());
            assertEquals(4096, seg.size());
            assertEquals(userName(), seg.owner());
            assertTrue(seg.detail().contains("nattch=1"), seg.detail());
            assertTrue(seg.detail().contains("cpid=" + ProcessHandle.current().pid()), seg.detail());
        }
    }

    private static String userName() {
        return System.getProperty("user.name");
    }
}
