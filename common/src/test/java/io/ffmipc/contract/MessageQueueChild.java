package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.MessageQueue;
import io.ffmipc.OpenMode;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Child side of {@link MessageQueueContract}'s cross-process tests.
 * <ul>
 *   <li>{@code priorities QUEUE TEXT:PRIO...}: sends each text at its priority, then exits;</li>
 *   <li>{@code produce QUEUE PRODUCER COUNT}: sends COUNT 8-byte messages (producer id, sequence
 *       number) at priority 0, waiting for room as long as it takes (a 60 s bound per message).</li>
 * </ul>
 */
public final class MessageQueueChild {
    private MessageQueueChild() {
    }

    public static void main(String[] args) {
        run(Ipc.platform(), args);
    }

    /** The child's work on {@code platform} (a test platform's own child main passes its platform). */
    public static void run(io.ffmipc.IpcPlatform platform, String[] args) {
        try (MessageQueue q = platform.messageQueue(args[1], OpenMode.OPEN)) {
            switch (args[0]) {
                case "priorities" -> {
                    for (int i = 2; i < args.length; i++) {
                        int colon = args[i].lastIndexOf(':');
                        byte[] text = args[i].substring(0, colon).getBytes(StandardCharsets.UTF_8);
                        if (!q.send(text, Integer.parseInt(args[i].substring(colon + 1)), Duration.ofSeconds(30))) {
                            fail("queue stayed full for " + args[i]);
                        }
                    }
                }
                case "produce" -> {
                    int producer = Integer.parseInt(args[2]);
                    int count = Integer.parseInt(args[3]);
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment msg = arena.allocate(8);
                        msg.set(ValueLayout.JAVA_INT, 0, producer);
                        for (int i = 0; i < count; i++) {
                            msg.set(ValueLayout.JAVA_INT, 4, i);
                            if (!q.send(msg, 0, Duration.ofSeconds(60))) {
                                fail("producer " + producer + ": queue stayed full at message " + i);
                            }
                        }
                    }
                }
                default -> fail("unknown mode " + args[0]);
            }
        }
        System.exit(0);
    }

    private static void fail(String why) {
        System.out.println(why);
        System.exit(2);
    }
}
