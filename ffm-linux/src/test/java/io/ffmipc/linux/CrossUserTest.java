package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Named semaphores and POSIX message queues between two users, the other side a child JVM as uid
 * 65534 ({@link OtherUser}): an object another user created first is refused in both directions,
 * naming its owner, unless the opener accepts another owner; an owner-only object is closed to the
 * other user by the OS. (Root passes every permission check of the OS, so only the owner check
 * stands between root and an object another user planted.)
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CrossUserTest {
    private final IpcPlatform platform = Ipc.platform();
    private final List<String> semaphores = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();

    @BeforeEach
    void needAnotherUser() {
        assumeTrue(OtherUser.available(), OtherUser.WHY_NOT);
    }

    @AfterEach
    void removeCreated() {
        semaphores.forEach(platform::removeSemaphore);
        queues.forEach(platform::removeMessageQueue);
    }

    private String semaphoreName() {
        String n = TestNames.unique("xuser-sem");
        semaphores.add(n);
        return n;
    }

    private String queueName() {
        String n = TestNames.unique("xuser-mq");
        queues.add(n);
        return n;
    }

    private static void assertRefusedNaming(String output, String owner, String name) {
        assertTrue(output.startsWith("denied: ") && output.contains(owner) && output.contains(name)
                && output.contains("acceptingForeignOwner"), output);
    }

    @Test
    void aSemaphoreAnotherUserCreatedFirstIsRefusedUnlessAccepted() throws Exception {
        String name = semaphoreName();
        OtherUser.Result created = OtherUser.run(OtherUserPeer.class, "create", "semaphore", name);
        assertEquals(0, created.exitCode(), created.output());
        for (OpenMode mode : new OpenMode[] {OpenMode.OPEN, OpenMode.OPEN_OR_CREATE}) {
            IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class,
                    () -> platform.semaphore(name, mode, 0), mode.toString());
            assertTrue(e.getMessage().contains("uid 65534 (nobody)") && e.getMessage().contains(name), e.getMessage());
        }
        try (Semaphore s = platform.semaphore(name, OpenMode.OPEN, 0, Permissions.OWNER_ONLY.acceptingForeignOwner())) {
            assertTrue(s.tryAcquire(), "the other user's semaphore, value 1");
        }
    }

    @Test
    void aSemaphoreThisUserCreatedIsRefusedToTheOtherUnlessAcceptedOrOwnerOnly() throws Exception {
        String shared = semaphoreName();
        String ownerOnly = semaphoreName();
        try (Semaphore everyone = platform.semaphore(shared, OpenMode.CREATE, 0, Permissions.everyone());
             Semaphore mine = platform.semaphore(ownerOnly, OpenMode.CREATE, 1)) {
            OtherUser.Result refused = OtherUser.run(OtherUserPeer.class, "open", "semaphore", shared);
            assertEquals(3, refused.exitCode(), refused.output());
            assertRefusedNaming(refused.output(), "uid 0 (root)", shared);

            everyone.release();
            OtherUser.Result accepted = OtherUser.run(OtherUserPeer.class, "open", "semaphore", shared, "accept");
            assertEquals(0, accepted.exitCode(), accepted.output());
            assertEquals(0, everyone.value(), "the other user took the unit");

            OtherUser.Result closed = OtherUser.run(OtherUserPeer.class, "open", "semaphore", ownerOnly, "accept");
            assertEquals(3, closed.exitCode(), closed.output());
            assertTrue(closed.output().contains("EACCES"), "the OS refuses an owner-only semaphore: " + closed.output());
            assertEquals(1, mine.value());
        }
    }

    @Test
    void aQueueAnotherUserCreatedFirstIsRefusedUnlessAccepted() throws Exception {
        String name = queueName();
        OtherUser.Result created = OtherUser.run(OtherUserPeer.class, "create", "queue", name);
        assertEquals(0, created.exitCode(), created.output());
        for (OpenMode mode : new OpenMode[] {OpenMode.OPEN, OpenMode.OPEN_OR_CREATE}) {
            IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class,
                    () -> platform.messageQueue(name, mode), mode.toString());
            assertTrue(e.getMessage().contains("uid 65534 (nobody)") && e.getMessage().contains(name), e.getMessage());
        }
        try (MessageQueue q = platform.messageQueue(name, OpenMode.OPEN,
                MessageQueueOptions.defaults().withPermissions(Permissions.OWNER_ONLY.acceptingForeignOwner()))) {
            assertEquals(0, q.depth(), "the other user's empty queue");
        }
    }

    @Test
    void aQueueThisUserCreatedIsRefusedToTheOtherUnlessAcceptedOrOwnerOnly() throws Exception {
        String shared = queueName();
        String ownerOnly = queueName();
        try (MessageQueue everyone = platform.messageQueue(shared, OpenMode.CREATE,
                MessageQueueOptions.defaults().withPermissions(Permissions.everyone()));
             MessageQueue mine = platform.messageQueue(ownerOnly, OpenMode.CREATE)) {
            OtherUser.Result refused = OtherUser.run(OtherUserPeer.class, "open", "queue", shared);
            assertEquals(3, refused.exitCode(), refused.output());
            assertRefusedNaming(refused.output(), "uid 0 (root)", shared);

            OtherUser.Result accepted = OtherUser.run(OtherUserPeer.class, "open", "queue", shared, "accept");
            assertEquals(0, accepted.exitCode(), accepted.output());
            assertEquals(7, everyone.tryReceive().orElseThrow().data()[0], "the other user's message");

            OtherUser.Result closed = OtherUser.run(OtherUserPeer.class, "open", "queue", ownerOnly, "accept");
            assertEquals(3, closed.exitCode(), closed.output());
            assertTrue(closed.output().contains("EACCES"), "the OS refuses an owner-only queue: " + closed.output());
            assertEquals(0, mine.depth());
        }
    }
}
