package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;

/**
 * The other user's side of {@link CrossUserTest}, run as uid 65534. Args: {@code create|open
 * semaphore|queue NAME [accept]}. {@code create} makes the object readable and writable by everyone
 * (a semaphore with value 1, an empty queue); {@code open} opens it (accepting another owner with
 * {@code accept}) and uses it: takes a unit, or sends one message. Exit 0: done; 3: refused with
 * {@link IpcAccessDeniedException}, whose message it prints.
 */
public final class OtherUserPeer {
    private OtherUserPeer() {
    }

    public static void main(String[] args) {
        String action = args[0];
        String kind = args[1];
        String name = args[2];
        Permissions permissions = action.equals("create") ? Permissions.everyone()
                : args.length > 3 && args[3].equals("accept") ? Permissions.OWNER_ONLY.acceptingForeignOwner()
                : Permissions.OWNER_ONLY;
        OpenMode mode = action.equals("create") ? OpenMode.CREATE : OpenMode.OPEN;
        try {
            if (kind.equals("semaphore")) {
                try (Semaphore s = Ipc.platform().semaphore(name, mode, 1, permissions)) {
                    if (mode == OpenMode.OPEN && !s.tryAcquire()) {
                        System.out.println("no unit to take");
                        System.exit(1);
                    }
                }
            } else {
                try (MessageQueue q = Ipc.platform().messageQueue(name, mode,
                        MessageQueueOptions.defaults().withPermissions(permissions))) {
                    if (mode == OpenMode.OPEN && !q.trySend(new byte[] {7}, 0)) {
                        System.out.println("the queue was full");
                        System.exit(1);
                    }
                }
            }
        } catch (IpcAccessDeniedException e) {
            System.out.println("denied: " + e.getMessage());
            System.exit(3);
        }
        System.out.println(action + " " + kind + " done");
        System.exit(0);
    }
}
