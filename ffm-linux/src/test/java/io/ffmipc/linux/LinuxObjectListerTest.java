package io.ffmipc.linux;

import io.ffmipc.IpcObjectInfo;
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
                new IpcObjectInfo("posix-sem", "counter", -1, "someone", 0600, -1, ""),
                new IpcObjectInfo("posix-shm", "region", -1, "someone", 0640, 300, ""),
                new IpcObjectInfo("sysv-msg", "0x00000010", 3, "alice", 0644, 100, "qnum=2 lspid=10 lrpid=11"),
                new IpcObjectInfo("sysv-sem", "0xffffffff", 9, "4321", 0666, 4, "nsems=4"),
                new IpcObjectInfo("sysv-shm", "0x7f100000", 7, "alice", 0600, 4096,
                        "nattch=3 cpid=111 lpid=222 removed")), all);
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
}
