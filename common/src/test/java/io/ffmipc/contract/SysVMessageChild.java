package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SystemV;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Child side of {@link SystemVContract}'s message queue tests: {@code echo KEY COUNT} takes COUNT messages of type 1
 * (timed receive) and sends each back as type 2 with "echo:" in front.
 */
public final class SysVMessageChild {
    private SysVMessageChild() {
    }

    public static void main(String[] args) {
        int key = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        try (SystemV.MessageQueue q = Ipc.platform().systemV().orElseThrow().messageQueue(key, OpenMode.OPEN)) {
            for (int i = 0; i < count; i++) {
                Optional<SystemV.MessageQueue.Message> m = q.receive(SystemV.MessageQueue.Selector.exactly(1), 256, false,
                        Duration.ofSeconds(30));
                if (m.isEmpty()) {
                    System.out.println("no message " + i);
                    System.exit(2);
                }
                byte[] reply = ("echo:" + new String(m.get().data(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                if (!q.send(2, reply, Duration.ofSeconds(30))) {
                    System.out.println("queue full for reply " + i);
                    System.exit(3);
                }
            }
        }
        System.exit(0);
    }
}
