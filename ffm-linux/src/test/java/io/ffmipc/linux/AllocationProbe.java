package io.ffmipc.linux;

import io.ffmipc.Channel;
import io.ffmipc.ChannelOptions;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageHandler;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.Received;
import io.ffmipc.Semaphore;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Child JVM of {@link HotPathAllocationTest}: runs one hot path (args: kind, object name) in
 * rounds of {@value #ROUND} calls until a round allocates less than one byte per call — exit 0 —
 * or {@value #ROUNDS} rounds have not, while the JIT had all the time it needs — exit 1. One path
 * per JVM, so no other path's profile changes how it is compiled.
 */
public final class AllocationProbe {
    static final int ROUND = 50_000;
    static final int ROUNDS = 60;
    private static final Duration SECOND = Duration.ofSeconds(1);

    private AllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String name = args[1];
        IpcPlatform platform = Ipc.platform();
        int code;
        try (Arena arena = Arena.ofConfined()) {
            code = switch (kind) {
                case "semaphore", "semaphore-timed" -> {
                    try (Semaphore s = platform.semaphore(name, OpenMode.CREATE, 0)) {
                        boolean timed = kind.endsWith("timed");
                        yield probe(kind, () -> {
                            s.release();
                            if (!(timed ? s.tryAcquire(SECOND) : s.tryAcquire())) {
                                throw new AssertionError("no unit");
                            }
                        });
                    } finally {
                        platform.removeSemaphore(name);
                    }
                }
                case "queue", "queue-timed" -> {
                    try (MessageQueue q = platform.messageQueue(name, OpenMode.CREATE,
                            MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(64))) {
                        MemorySegment out = arena.allocate(64);
                        MemorySegment in = arena.allocate(64);
                        Received r = new Received();
                        Duration timeout = kind.endsWith("timed") ? SECOND : Duration.ZERO;
                        yield probe(kind, () -> {
                            if (!q.send(out, 1, timeout) || q.receive(in, r, timeout) != 64) {
                                throw new AssertionError("no message");
                            }
                        });
                    } finally {
                        platform.removeMessageQueue(name);
                    }
                }
                case "event", "event-timed" -> {
                    try (Event e = platform.event(EventMode.COUNTER)) {
                        boolean timed = kind.endsWith("timed");
                        yield probe(kind, () -> {
                            e.signal();
                            if ((timed ? e.await(SECOND) : e.poll()) != 1) {
                                throw new AssertionError("no signal");
                            }
                        });
                    }
                }
                case "channel", "channel-poll" -> {
                    // two handles in one JVM: the creator sends, the opener receives
                    try (Channel tx = platform.channel(name, OpenMode.CREATE, ChannelOptions.defaults());
                         Channel rx = platform.channel(name, OpenMode.OPEN, ChannelOptions.defaults())) {
                        MemorySegment out = arena.allocate(64);
                        MemorySegment in = arena.allocate(64);
                        int[] got = new int[1];
                        MessageHandler handler = (buffer, offset, length) -> got[0] += length;
                        boolean poll = kind.equals("channel-poll");
                        yield probe(kind, () -> {
                            if (poll) {
                                got[0] = 0;
                                if (!tx.tryOffer(out) || rx.poll(handler, 16) != 1 || got[0] != 64) {
                                    throw new AssertionError("no message");
                                }
                            } else if (!tx.offer(out, SECOND) || rx.receive(in, SECOND) != 64) {
                                throw new AssertionError("no message");
                            }
                        });
                    } finally {
                        platform.removeChannel(name);
                    }
                }
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
        }
        System.exit(code); // after the objects are removed
    }

    private static int probe(String kind, Runnable call) throws ReflectiveOperationException {
        Method allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        Object threads = ManagementFactory.getThreadMXBean();
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            long before = (Long) allocated.invoke(threads);
            for (int i = 0; i < ROUND; i++) {
                call.run();
            }
            long bytes = (Long) allocated.invoke(threads) - before;
            rounds.append(' ').append(bytes / ROUND);
            if (bytes < ROUND) {
                System.out.println(kind + ": allocation-free from round " + round + " (bytes per call:" + rounds + ")");
                return 0;
            }
        }
        System.out.println(kind + ": still allocating after " + ROUNDS + " rounds of " + ROUND + " calls (bytes per call:"
                + rounds + ")");
        return 1;
    }
}
