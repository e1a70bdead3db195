package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;

/**
 * The other user's side of {@link CrossUserContract}. Args: {@code create|open|remove KIND NAME [accept]}.
 * {@code create} makes the object readable and writable by everyone and keeps it (names outlive
 * their handle where the OS allows; the suite removes them); {@code open} opens it, accepting
 * another owner with {@code accept}. Exit 0: done; 3: refused with {@link IpcAccessDeniedException}
 * (its message printed after "denied: "); 4: another error, printed.
 */
public final class CrossUserPeer {
    private CrossUserPeer() {
    }

    public static void main(String[] args) {
        boolean create = args[0].equals("create");
        NamedKind kind = args[1].equals("MESSAGE_PIPE") ? null : NamedKind.valueOf(args[1]);
        String name = args[2];
        Permissions permissions = create ? Permissions.everyone()
                : args.length > 3 && args[3].equals("accept") ? Permissions.OWNER_ONLY.acceptingForeignOwner()
                : Permissions.OWNER_ONLY;
        if (args[0].equals("serve") || args[0].equals("connect")) {
            messagePipe(args);
            return;
        }
        IpcPlatform platform = Ipc.platform();
        if (args[0].equals("remove")) { // what this user made, this user removes
            kind.remove(platform, name);
            System.exit(0);
        }
        try (AutoCloseable ignored = kind.open(platform, name, create ? OpenMode.CREATE : OpenMode.OPEN, permissions)) {
            System.out.println(args[0] + " " + kind + " done");
        } catch (IpcAccessDeniedException e) {
            System.out.println("denied: " + e.getMessage());
            System.exit(3);
        } catch (Exception e) {
            System.out.println("failed: " + e);
            System.exit(4);
        }
        System.exit(0);
    }

    /**
     * {@code serve MESSAGE_PIPE NAME SECONDS}: listens under NAME admitting every client and exits 0
     * when one says hello (3 if none did in time). {@code connect MESSAGE_PIPE NAME [accept]}: connects and exits.
     */
    private static void messagePipe(String[] args) {
        IpcPlatform platform = Ipc.platform();
        String name = args[2];
        try {
            if (args[0].equals("serve")) {
                try (var server = platform.messagePipeServer(name, peer -> true)) {
                    System.out.println("listening");
                    System.out.flush();
                    // A client that refuses this server connects and hangs up at once: serve until a
                    // client says hello (or the time is up), not just the first connection.
                    long until = System.nanoTime() + java.time.Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
                    while (System.nanoTime() < until) {
                        try {
                            var pipe = server.accept(java.time.Duration.ofNanos(Math.max(1, until - System.nanoTime())));
                            if (pipe.isEmpty()) {
                                break;
                            }
                            try (var p = pipe.get()) {
                                byte[] hello = p.receive(java.time.Duration.ofSeconds(5));
                                if (hello != null && new String(hello, java.nio.charset.StandardCharsets.US_ASCII).equals("hello")) {
                                    System.exit(0);
                                }
                            }
                        } catch (io.ffmipc.IpcException hungUp) {
                            System.out.println("a client hung up: " + hungUp.getMessage());
                        }
                    }
                    System.exit(3);
                }
            }
            Permissions permissions = args.length > 3 && args[3].equals("accept")
                    ? Permissions.OWNER_ONLY.acceptingForeignOwner() : Permissions.OWNER_ONLY;
            platform.connectMessagePipe(name, java.time.Duration.ofSeconds(5), permissions).close();
            System.out.println("connect MESSAGE_PIPE done");
            System.exit(0);
        } catch (IpcAccessDeniedException e) {
            System.out.println("denied: " + e.getMessage());
            System.exit(3);
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
            System.exit(4);
        }
    }
}
