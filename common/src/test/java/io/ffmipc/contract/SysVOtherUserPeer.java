package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SystemV;

/**
 * The other user's side of {@link SystemVContract}'s owner tests, run as another uid
 * ({@link io.ffmipc.testkit.OtherUser#jvm}). Arguments: a mode, then a segment, a semaphore set and a
 * message queue key in decimal.
 * <ul>
 *   <li>{@code create}: creates the three with mode 0666 and leaves them for the test;</li>
 *   <li>{@code open}: opens each the default way, then accepting another owner, and prints one line
 *       per try: {@code refused <kind>: <message>}, {@code opened <kind>} or
 *       {@code failed <kind>: <exception>}.</li>
 * </ul>
 */
public final class SysVOtherUserPeer {
    private SysVOtherUserPeer() {
    }

    public static void main(String[] args) {
        SystemV sysv = Ipc.platform().systemV().orElseThrow();
        int shm = Integer.parseInt(args[1]);
        int sem = Integer.parseInt(args[2]);
        int msg = Integer.parseInt(args[3]);
        switch (args[0]) {
            case "create" -> {
                sysv.sharedMemory(shm, OpenMode.CREATE, 4096, Permissions.everyone()).close();
                sysv.semaphoreSet(sem, OpenMode.CREATE, 1, Permissions.everyone(), SystemV.DEFAULT_INIT_TIMEOUT, 1).close();
                sysv.messageQueue(msg, OpenMode.CREATE, Permissions.everyone()).close();
                System.out.println("created");
            }
            case "open" -> {
                for (Permissions p : new Permissions[] {Permissions.OWNER_ONLY, Permissions.OWNER_ONLY.acceptingForeignOwner()}) {
                    String how = p.acceptForeignOwner() ? " accepting" : "";
                    tryOpen("shm" + how, () -> sysv.sharedMemory(shm, OpenMode.OPEN, 0, p).close());
                    tryOpen("sem" + how, () -> sysv.semaphoreSet(sem, OpenMode.OPEN, 0, p, SystemV.DEFAULT_INIT_TIMEOUT).close());
                    tryOpen("msg" + how, () -> sysv.messageQueue(msg, OpenMode.OPEN, p).close());
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.flush();
        System.exit(0);
    }

    private static void tryOpen(String kind, Runnable open) {
        try {
            open.run();
            System.out.println("opened " + kind);
        } catch (io.ffmipc.IpcAccessDeniedException e) {
            System.out.println("refused " + kind + ": " + e.getMessage());
        } catch (IpcException | IllegalArgumentException e) {
            System.out.println("failed " + kind + ": " + e);
        }
    }
}
