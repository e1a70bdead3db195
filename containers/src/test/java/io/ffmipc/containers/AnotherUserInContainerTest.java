package io.ffmipc.containers;

import io.ffmipc.Channel;
import io.ffmipc.ChannelOptions;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.RobustMutex;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A container running as another user (uid {@value TestJvmImage#OTHER_UID}) in the host's IPC
 * namespace, with the host's {@code /tmp}: every object the host creates with the defaults is
 * owner-only, and the other user's every attempt to open one is refused with
 * {@code IpcAccessDeniedException} (EACCES).
 */
@ExtendWith(LeakCheck.class)
class AnotherUserInContainerTest {
    private final IpcPlatform ipc = Ipc.platform();

    @BeforeAll
    static void docker() {
        DockerEngine.assumeAvailable();
    }

    @Test
    void ownerOnlyDefaultsRefuseAnotherUser() throws Exception {
        String shm = TestNames.unique("uid-shm");
        String sem = TestNames.unique("uid-sem");
        String mq = TestNames.unique("uid-mq");
        String queue = TestNames.unique("uid-q");
        String ch = TestNames.unique("uid-ch");
        String mutex = TestNames.unique("uid-mutex");
        String fifo = TestNames.unique("uid-fifo");
        Path socket = Path.of("/tmp", TestNames.unique("uid-sock"));
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            opened.add(ipc.sharedMemory(shm, OpenMode.CREATE, 4096));
            opened.add(ipc.semaphore(sem, OpenMode.CREATE, 0));
            opened.add(ipc.messageQueue(mq, OpenMode.CREATE));
            opened.add(ipc.sharedMemoryMessageQueue(queue, OpenMode.CREATE, MessageQueueOptions.defaults()));
            opened.add(ipc.channel(ch, OpenMode.CREATE, ChannelOptions.defaults()));
            opened.add(ipc.mutex(mutex, OpenMode.CREATE));
            ipc.createStreamPipe(fifo);
            opened.add(ipc.messagePipeServer(socket, Permissions.OWNER_ONLY, peer -> true));
            String[] targets = {"shm:" + shm, "sem:" + sem, "mq:" + mq, "queue:" + queue, "channel:" + ch,
                    "mutex:" + mutex, "fifo:" + fifo, "socket:" + socket};
            try (ContainerJvm other = ContainerJvm.of(OpenAsAnotherUser.class, targets).ipc("host")
                    .user(TestJvmImage.OTHER_UID, TestJvmImage.OTHER_UID).mount("/tmp", "/tmp").start()) {
                other.assertSuccess(Duration.ofSeconds(60));
                String out = other.output();
                assertTrue(out.contains("uid " + TestJvmImage.OTHER_UID), out);
                for (String t : targets) {
                    String kind = t.substring(0, t.indexOf(':'));
                    String line = out.lines().filter(l -> l.startsWith(kind + " ")).findFirst().orElse("(no line)");
                    assertTrue(line.contains(": IpcAccessDeniedException"), kind + " was not refused: " + line + "\n" + out);
                }
                assertEquals(targets.length, out.lines().filter(l -> l.contains("IpcAccessDeniedException")).count(), out);
            }
        } finally {
            for (AutoCloseable c : opened) {
                c.close();
            }
            ipc.removeSharedMemory(shm);
            ipc.removeSemaphore(sem);
            ipc.removeMessageQueue(mq);
            ipc.removeSharedMemoryMessageQueue(queue);
            ipc.removeChannel(ch);
            ipc.removeMutex(mutex);
            ipc.removeStreamPipe(fifo);
            Files.deleteIfExists(socket);
        }
    }
}
