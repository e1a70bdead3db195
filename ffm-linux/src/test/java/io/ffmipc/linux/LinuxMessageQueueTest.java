package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ObjectKind;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.testkit.FileModes;
import io.ffmipc.contract.MessageQueueContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message queue contract on POSIX message queues, plus what is Linux-specific about them. */
class LinuxMessageQueueTest extends MessageQueueContract {
    private static final Path MQUEUE = Path.of("/dev/mqueue");

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Test
    void prioritiesGoUpToMqPrioMaxMinusOne() {
        try (MessageQueue q = create(2, 8)) {
            assertEquals(32767, q.maxPriority());
        }
    }

    @Test
    void aDepthBeyondEveryCapNamesMsgMaxAndItsValue() {
        String name = newName();
        IpcLimitException e = assertThrows(IpcLimitException.class, () -> platform().messageQueue(name,
                OpenMode.CREATE, MessageQueueOptions.defaults().withMaxMessages(1_000_000)));
        String msgMax = Long.toString(MqueueLimits.read("msg_max"));
        assertTrue(e.getMessage().contains("/proc/sys/fs/mqueue/msg_max (now " + msgMax + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("EINVAL"), e.getMessage());
        assertTrue(e.getMessage().contains("1000000"), e.getMessage());
    }

    @Test
    void aMessageSizeBeyondEveryCapNamesMsgsizeMaxAndItsValue() {
        String name = newName();
        IpcLimitException e = assertThrows(IpcLimitException.class, () -> platform().messageQueue(name,
                OpenMode.CREATE, MessageQueueOptions.defaults().withMaxMessages(1).withMaxMessageSize(64L << 20)));
        String max = Long.toString(MqueueLimits.read("msgsize_max"));
        assertTrue(e.getMessage().contains("/proc/sys/fs/mqueue/msgsize_max (now " + max + ")"), e.getMessage());
        assertTrue(!e.getMessage().contains("msg_max ("), "only the size is over its limit: " + e.getMessage());
    }

    @Test
    void theQueueHasExactlyTheRequestedModeWhateverTheUmask() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(MQUEUE), "the mqueue file system is not mounted at /dev/mqueue");
        for (Permissions p : new Permissions[] {Permissions.OWNER_ONLY, Permissions.everyone(), Permissions.ofMode(0640)}) {
            try (MessageQueue q = platform().messageQueue(newName(), OpenMode.CREATE,
                    MessageQueueOptions.defaults().withPermissions(p))) {
                Path file = MQUEUE.resolve(q.name());
                assertEquals(FileModes.rwx(p.mode()),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "mode of " + file);
            }
        }
    }

    @Test
    void theListingShowsTheQueueWithTheBytesQueued() {
        Assumptions.assumeTrue(Files.isDirectory(MQUEUE), "the mqueue file system is not mounted at /dev/mqueue");
        try (MessageQueue q = create(4, 64)) {
            assertTrue(q.trySend(new byte[10], 3));
            assertTrue(q.trySend(new byte[5], 0));
            IpcObjectInfo info = platform().list().stream()
                    .filter(o -> o.kind() == ObjectKind.MESSAGE_QUEUE && o.name().equals(q.name()))
                    .findFirst().orElseThrow(() -> new AssertionError(q.name() + " not listed"));
            assertEquals(15, info.size(), info.toString());
            assertEquals(0600, info.mode());
        }
    }

    @Test
    void listerReadsQsizeFromAQueueFile(@TempDir Path dir) throws Exception {
        Path mq = Files.createDirectory(dir.resolve("mqueue"));
        Path f = Files.writeString(mq.resolve("orders"), "QSIZE:129        NOTIFY:0     SIGNO:0     NOTIFY_PID:0     \n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        Path passwd = Files.writeString(dir.resolve("passwd"), "");
        int uid = (Integer) Files.getAttribute(f, "unix:uid");
        List<IpcObjectInfo> all = new LinuxObjectLister(dir.resolve("none"), mq, dir.resolve("none"), passwd).list();
        assertEquals(List.of(new IpcObjectInfo(ObjectKind.MESSAGE_QUEUE, "orders", -1, Integer.toString(uid), 0640, 129,
                "QSIZE:129 NOTIFY:0 SIGNO:0 NOTIFY_PID:0")), all);
        assertEquals(-1, LinuxObjectLister.queuedBytes("garbage"));
    }
}
