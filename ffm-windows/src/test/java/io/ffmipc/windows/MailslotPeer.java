package io.ffmipc.windows;

import io.ffmipc.Ipc;

/** Child of {@link WindowsPlatformTest}: writes "one", "two" and 1000 zero bytes to the mailslot named by args[0]. */
public final class MailslotPeer {
    private MailslotPeer() {
    }

    public static void main(String[] args) {
        try (Mailslot.Writer w = Mailslots.of(Ipc.platform()).orElseThrow().open(args[0])) {
            w.send("one".getBytes());
            w.send("two".getBytes());
            w.send(new byte[1000]);
        }
        System.out.println("sent 3");
    }
}
