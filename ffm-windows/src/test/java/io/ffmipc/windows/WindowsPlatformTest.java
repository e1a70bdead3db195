package io.ffmipc.windows;

import io.ffmipc.Ipc;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.ObjectKind;
import io.ffmipc.OpenMode;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.RobustMutex;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;
import io.ffmipc.StreamPipe;
import io.ffmipc.UnsupportedCapabilityException;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only the Windows platform has, beside the contracts: kinds kept apart in one namespace, the
 * owner-only DACL read back, Global\, mailslots between processes, pipe listing. Windows only.
 */
@EnabledOnOs(OS.WINDOWS)
@ExtendWith(LeakCheck.class)
class WindowsPlatformTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final IpcPlatform platform = Ipc.platform();

    /** Issue 8 §3: one portable name, three kinds, three objects. */
    @Test
    void kindsOfOneNameDoNotMeet() {
        String name = TestNames.unique("kinds");
        try (SharedMemory shm = platform.sharedMemory(name, OpenMode.CREATE, 4096);
             Semaphore sem = platform.semaphore(name, OpenMode.CREATE, 0);
             RobustMutex mutex = platform.mutex(name, OpenMode.CREATE)) {
            assertTrue(shm.created());
            sem.release();
            assertTrue(sem.tryAcquire());
            mutex.lock();
            mutex.unlock();
        }
    }

    /** Created objects carry a protected DACL with one ACE, for this user's SID, and this user as owner. */
    @Test
    void createdObjectsAreOwnerOnly() {
        String name = TestNames.unique("dacl");
        try (SharedMemory shm = platform.sharedMemory(name, OpenMode.CREATE, 4096)) {
            MemorySegment h = Win32.handle(shm.handle().orElseThrow().osHandle());
            String sid = Security.ofThisProcess().userSid();
            String dacl = Security.daclOf(h, Security.KERNEL_OBJECT, name);
            assertTrue(dacl.startsWith("D:P"), dacl);
            assertEquals(1, dacl.split("\\(A;", -1).length - 1, dacl);
            assertTrue(dacl.contains(";;;" + sid + ")"), dacl);
            assertEquals("sid:" + sid, Security.ownerOf(h, Security.KERNEL_OBJECT, name).id());
        }
    }

    /** Global\ works where the process holds SeCreateGlobalPrivilege, and says that it is missing where not. */
    @Test
    void theGlobalNamespaceNeedsItsPrivilege() {
        IpcPlatform global = WindowsProvider.platform(IpcNames.WindowsNamespace.GLOBAL);
        String name = TestNames.unique("global");
        if (Security.holdsPrivilege("SeCreateGlobalPrivilege")) {
            try (SharedMemory shm = global.sharedMemory(name, OpenMode.CREATE, 4096)) {
                assertTrue(shm.created());
                assertThrows(NoSuchIpcObjectException.class, () -> platform.sharedMemory(name, OpenMode.OPEN, 0),
                        "Local\\ is another namespace");
            }
        } else {
            IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class,
                    () -> global.sharedMemory(name, OpenMode.CREATE, 4096));
            assertTrue(e.getMessage().contains("SeCreateGlobalPrivilege"), e.getMessage());
        }
    }

    /** A mapped file: CreateFileW + a section that sizes the file; opened again it shares the bytes. */
    @Test
    void mappedFilesAreSizedSharedAndRefusedWhenTooSmall(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.bin");
        try (SharedMemory a = platform.mapFile(file, OpenMode.CREATE, 8192, io.ffmipc.Permissions.OWNER_ONLY);
             SharedMemory b = platform.mapFile(file, OpenMode.OPEN, 0, io.ffmipc.Permissions.OWNER_ONLY)) {
            assertEquals(8192, java.nio.file.Files.size(file));
            assertEquals(8192, b.size());
            a.segment().set(java.lang.foreign.ValueLayout.JAVA_LONG, 4096, -7L);
            assertEquals(-7L, b.segment().get(java.lang.foreign.ValueLayout.JAVA_LONG, 4096));
            assertThrows(io.ffmipc.IpcObjectExistsException.class,
                    () -> platform.mapFile(file, OpenMode.CREATE, 10, io.ffmipc.Permissions.OWNER_ONLY));
            assertThrows(io.ffmipc.IpcLimitException.class,
                    () -> platform.mapFile(file, OpenMode.OPEN, 8193, io.ffmipc.Permissions.OWNER_ONLY));
        }
        java.nio.file.Files.delete(file); // nothing maps it any more
    }

    /** A start key is stable for a running process and 0 for one that has ended. */
    @Test
    void startKeysTellProcessesApart() throws Exception {
        WindowsProcessSeam processes = new WindowsProcessSeam(Security.ofThisProcess());
        long self = ProcessHandle.current().pid();
        assertTrue(processes.startKey(self) != 0);
        assertEquals(processes.startKey(self), processes.startKey(self));
        Process p = new ProcessBuilder(ChildJvm.javaExecutable(), "-version").start();
        p.waitFor();
        assertEquals(0, processes.startKey(p.pid()), "an ended process has no start key");
    }

    @Test
    void mailslotMessagesFromAChildArriveWholeAndInOrder() throws Exception {
        Mailslots mailslots = Mailslots.of(platform).orElseThrow();
        String name = TestNames.unique("mslot");
        try (Mailslot slot = mailslots.create(name, 1024);
             ChildJvm child = ChildJvm.start(MailslotPeer.class, name)) {
            assertArrayEquals("one".getBytes(), slot.receive(WAIT), child.output());
            child.assertSuccess(WAIT);
            assertEquals(OptionalInt.of(3), slot.nextMessageSize());
            try (Arena a = Arena.ofConfined()) {
                ReceiveBufferTooSmallException e = assertThrows(ReceiveBufferTooSmallException.class,
                        () -> slot.receive(a.allocate(2), WAIT));
                assertEquals(3, e.messageSize());
            }
            assertArrayEquals("two".getBytes(), slot.receive(WAIT), "the message stayed");
            assertArrayEquals(new byte[1000], slot.receive(WAIT));
            assertNull(slot.receive(Duration.ofMillis(100)));
        }
        assertThrows(NoSuchIpcObjectException.class, () -> mailslots.open(name), "gone with its reader");
    }

    @Test
    void theListingShowsMessagePipeServersAndCannotShowKernelObjects() {
        String name = TestNames.unique("Listed");
        try (MessagePipeServer server = platform.messagePipeServer(name)) {
            List<IpcObjectInfo> all = platform.list();
            assertTrue(all.stream().anyMatch(i -> i.kind() == ObjectKind.MESSAGE_PIPE && i.name().equals(name)),
                    "the server, its name's case kept: " + all);
        }
    }

    @Test
    void aStreamPipesReadEndIsOpenedByTheProcessThatCreatedIt() {
        String name = TestNames.unique("spipe");
        NoSuchIpcObjectException e = assertThrows(NoSuchIpcObjectException.class,
                () -> platform.openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO));
        assertTrue(e.getMessage().contains("process that created"), e.getMessage());
    }

    @Test
    void messagePipesHaveNoSocketFiles() {
        assertThrows(UnsupportedCapabilityException.class,
                () -> platform.messagePipeServer(Path.of("x.sock"), io.ffmipc.Permissions.OWNER_ONLY, p -> true));
    }
}
