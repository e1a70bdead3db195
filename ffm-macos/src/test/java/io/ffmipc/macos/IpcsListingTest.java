package io.ffmipc.macos;

import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ipcs listing macOS's header tells programs to read instead of its private sysctls. */
class IpcsListingTest {

    @Test
    void rowsOfTheThreeTablesAreReadAndHeadingsSkipped() {
        String listing = """
                IPC status from <running system> as of Thu Dec  4 10:00:00 PST 2026
                T     ID     KEY        MODE       OWNER    GROUP
                Message Queues:
                q  65536 0x7f100001 --rw-------     alice    staff
                Shared Memory:
                m  65536 0x7f100002 --rw-r--r--     alice    staff
                m  65537 0x7f100003 D-rw-------      root    wheel
                Semaphores:
                s  65538 2132803588 --ra-ra----     alice    staff
                """;
        assertEquals(List.of(
                new IpcObjectInfo(ObjectKind.SYSV_MESSAGE_QUEUE, "0x7f100001", 65536, "alice", 0600, -1, "group staff"),
                new IpcObjectInfo(ObjectKind.SYSV_SHARED_MEMORY, "0x7f100002", 65536, "alice", 0644, -1, "group staff"),
                new IpcObjectInfo(ObjectKind.SYSV_SHARED_MEMORY, "0x7f100003", 65537, "root", 0600, -1,
                        "group wheel removed"),
                new IpcObjectInfo(ObjectKind.SYSV_SEMAPHORE_SET, "0x7f200004", 65538, "alice", 0660, -1, "group staff")),
                IpcsListing.parse(listing));
    }

    @Test
    void nothingUnreadableIsGuessed() {
        assertEquals(List.of(), IpcsListing.parse("m x 0x1 --rw------- a b\nq 1 0xzz --rw------- a b\nm 1 0x1 rw a b\n"));
        assertEquals(0755, IpcsListing.permissions("--rwxr-xr-x"));
    }
}
