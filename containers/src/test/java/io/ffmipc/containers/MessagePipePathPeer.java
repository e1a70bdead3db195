package io.ffmipc.containers;

import io.ffmipc.Ipc;
import io.ffmipc.MessagePipe;
import io.ffmipc.PeerClosedException;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A message-pipe client on a socket path (a shared socket directory; abstract socket names do not
 * cross network namespaces): connects, prints the server's identity as its kernel reports it
 * ({@code server pid <pid> uid <uid>}), then echoes every message until the server closes.
 * Args: socket path.
 */
public final class MessagePipePathPeer {
    private MessagePipePathPeer() {
    }

    public static void main(String[] args) {
        try (MessagePipe pipe = Ipc.platform().connectMessagePipe(Path.of(args[0]), Duration.ofSeconds(20))) {
            Lead.say("server pid " + pipe.peer().pid() + " uid " + pipe.peer().uid());
            int echoed = 0;
            try {
                for (byte[] m; (m = pipe.receive(Duration.ofSeconds(20))) != null; echoed++) {
                    if (!pipe.send(m, Duration.ofSeconds(20))) {
                        Lead.say("echo " + echoed + " timed out");
                        System.exit(2);
                    }
                }
                Lead.say("no message within 20 s after " + echoed);
                System.exit(3);
            } catch (PeerClosedException closed) {
                Lead.say("echoed " + echoed);
            }
        }
    }
}
