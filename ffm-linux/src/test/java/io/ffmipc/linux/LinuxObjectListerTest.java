package io.ffmipc.linux;

import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ObjectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lister over fixture directories: kinds, names, owners, modes and column order of the tables. */
class LinuxObjectListerTest {

    @Test
    void readsPosixEntriesAndSysVTablesByColumnName(@TempDir Path dir) throws IOException {
        Path shm = Files.createDirectory(dir.resolve("shm"));
        Path proc = Files.createDirectory(dir.resolve("sysvipc"));
        Path passwd = dir.resolve("passwd");
        int myUid = (Integer) Files.getAttribute(dir, "unix:uid");
        Files.writeString(passwd, "someone:x:" + myUid + ":0::/:/bin/sh\nalice:x:1234:1234::/home/alice:/bin/sh\n");

        Path object = Files.write(shm.resolve("region"), new byte[300]);
        Files.setPosixFilePermissions(object, PosixFilePermissions.fromString("rw-r-----"));
        Path sem = Files.write(shm.resolve("sem.counter"), new byte[32]);
        Files.setPosixFilePermissions(sem, PosixFilePermissions.fromString("rw-------"));
        Files.createDirectory(shm.resolve("a-directory")); // not an object

        // Columns deliberately out of the kernel's order: the lister must go by the header.
        Files.writeString(proc.resolve("shm"), """
                 shmid        key perms   uid  size  cpid  lpid nattch   gid  cuid  cgid
                     7 2131755008  1600  1234  4096   111   222      3     0     0     0
                """);
        Files.writeString(proc.resolve("sem"), """
                       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime
                        -1          9   666          4  4321     0  4321     0          0 1700000000
                """);
        Files.writeString(proc.resolve("msg"), """
                       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime
                        16          3   644         100          2    10    11  1234     0     0     0          0          0          0
                """);

        List<IpcObjectInfo> all = new LinuxObjectLister(shm, proc, passwd).list();
        assertEquals(List.of(
                new IpcObjectInfo(ObjectKind.SHARED_MEMORY, "region", -1, "someone", 0640, 300, ""),
                new IpcObjectInfo(ObjectKind.SEMAPHORE, "counter", -1, "someone", 0600, -1, ""),
                new IpcObjectInfo(ObjectKind.SYSV_SHARED_MEMORY, "0x7f100000", 7, "alice", 0600, 4096,
                        "nattch=3 cpid=111 lpid=222 removed"),
                new IpcObjectInfo(ObjectKind.SYSV_SEMAPHORE_SET, "0xffffffff", 9, "4321", 0666, 4, "nsems=4"),
                new IpcObjectInfo(ObjectKind.SYSV_MESSAGE_QUEUE, "0x00000010", 3, "alice", 0644, 100,
                        "qnum=2 lspid=10 lrpid=11")), all);
    }

    @Test
    void missingDirectoriesListNothingAndAMissingColumnIsNamed(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), new LinuxObjectLister(dir.resolve("none"), dir.resolve("none"),
                dir.resolve("none")).list());
        Path proc = Files.createDirectory(dir.resolve("sysvipc"));
        Files.writeString(proc.resolve("shm"), "key shmid perms\n1 2 600\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new LinuxObjectLister(dir.resolve("none"), proc, dir.resolve("none")).list());
        assertTrue(e.getMessage().contains("'uid'"), e.getMessage());
    }

    /** FIFOs by file type (not by name), listening SEQPACKET servers by our abstract prefix only. */
    @Test
    void pipesAreListedFromTheDirectoryAndTheSocketTable(@TempDir Path dir) throws Exception {
        Path fifos = Files.createDirectory(dir.resolve("tmp"));
        Path fifo = fifos.resolve("orders");
        assertEquals(0, new ProcessBuilder("mkfifo", "-m", "0620", fifo.toString()).start().waitFor());
        Files.writeString(fifos.resolve("not-a-fifo"), "x");
        Path unix = Files.writeString(dir.resolve("unix"), """
                Num       RefCount Protocol Flags    Type St Inode Path
                0000000000000000: 00000002 00000000 00010000 0005 01 4711 @ffmipc.jobs
                0000000000000000: 00000003 00000000 00000000 0005 03 4712 @ffmipc.jobs
                0000000000000000: 00000002 00000000 00010000 0001 01 4713 @ffmipc.stream-kind
                0000000000000000: 00000002 00000000 00010000 0005 01 4714 @someone-else
                0000000000000000: 00000002 00000000 00010000 0005 01 4715 /run/some.sock
                0000000000000000: 00000002 00000000 00000000 0002 01 4716
                garbage
                """);
        List<IpcObjectInfo> out = new java.util.ArrayList<>();
        new PipeLister(fifos, unix).list(uid -> "u" + uid, out);
        int uid = (Integer) Files.getAttribute(fifo, "unix:uid");
        assertEquals(List.of(
                new IpcObjectInfo(ObjectKind.STREAM_PIPE, "orders", -1, "u" + uid, 0620, -1, fifo.toString()),
                new IpcObjectInfo(ObjectKind.MESSAGE_PIPE, "jobs", 4711, "?", -1, -1, "listening, abstract socket @ffmipc.jobs")),
                out);
    }

    /** The real listing shows a stream pipe's FIFO and a message-pipe server while they exist. */
    @Test
    void livePipesAreListed() {
        io.ffmipc.IpcPlatform ipc = io.ffmipc.Ipc.platform();
        String fifo = io.ffmipc.testkit.TestNames.unique("ls-fifo");
        ipc.createStreamPipe(fifo);
        try (io.ffmipc.MessagePipeServer server = ipc.messagePipeServer(io.ffmipc.testkit.TestNames.unique("ls-mp"))) {
            List<IpcObjectInfo> all = ipc.list();
            assertTrue(all.stream().anyMatch(o -> o.kind() == ObjectKind.STREAM_PIPE && o.name().equals(fifo) && o.mode() == 0600), 
                    all.toString());
            assertTrue(all.stream().anyMatch(o -> o.kind() == ObjectKind.MESSAGE_PIPE && o.name().equals(server.name())),
                    all.toString());
        } finally {
            ipc.removeStreamPipe(fifo);
        }
        assertTrue(ipc.list().stream().noneMatch(o -> o.name().equals(fifo)), "gone once removed");
    }
}
