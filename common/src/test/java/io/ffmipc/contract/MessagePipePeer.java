package io.ffmipc.contract;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessagePipe;
import io.ffmipc.PassedHandle;
import io.ffmipc.SharedMemory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Child side of {@link MessagePipeContract}. Args: mode, server name, parent pid.
 * <ul>
 *   <li>{@code echo}: connects, checks the server's pid is the parent's, sends back every message
 *       until the parent closes.</li>
 *   <li>{@code handles}: connects, receives a shared-memory handle and an eventfd handle; reads the
 *       text at the start of the memory, writes "child saw: " + it at offset 1024, signals the event
 *       5 times and sends "done".</li>
 * </ul>
 */
public final class MessagePipePeer {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private MessagePipePeer() {
    }

    public static void main(String[] args) {
        run(Ipc.platform(), args);
    }

    /** The child's work on {@code platform} (a test of another platform's pipes calls this from its own main). */
    public static void run(IpcPlatform platform, String[] args) {
        String mode = args[0];
        long parentPid = Long.parseLong(args[2]);
        try (MessagePipe pipe = platform.connectMessagePipe(args[1], WAIT)) {
            if (pipe.peer().pid() != parentPid || pipe.peer().uid() != platform.currentProcess().uid()) {
                fail("server identity " + pipe.peer() + ", expected pid " + parentPid + " and our uid");
            }
            switch (mode) {
                case "echo" -> echo(pipe);
                case "handles" -> handles(platform, pipe);
                default -> fail("unknown mode " + mode);
            }
        }
        System.out.println("child done");
        System.exit(0);
    }

    private static void echo(MessagePipe pipe) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, pipe.maxMessageSize()));
            int count = 0;
            while (true) {
                long n = pipe.receive(buf, WAIT);
                if (n == MessagePipe.END_OF_STREAM) {
                    System.out.println("echoed " + count);
                    return;
                }
                if (n == MessagePipe.TIMED_OUT) {
                    fail("no message within " + WAIT + " after " + count);
                }
                if (!pipe.send(buf.asSlice(0, n), WAIT)) {
                    fail("send timed out");
                }
                count++;
            }
        }
    }

    private static void handles(IpcPlatform platform, MessagePipe pipe) {
        try (PassedHandle shmHandle = pipe.receiveHandle(WAIT);
             PassedHandle eventHandle = pipe.receiveHandle(WAIT)) {
            if (shmHandle == null || eventHandle == null) {
                fail("a handle did not arrive");
            }
            try (SharedMemory shm = platform.sharedMemoryFromHandle(shmHandle);
                 Event event = platform.eventFromHandle(eventHandle, EventMode.COUNTER)) {
                MemorySegment m = shm.segment();
                String text = m.getString(0);
                m.setString(1024, "child saw: " + text + " (" + shm.size() + " bytes)");
                event.signal(5);
            }
        }
        // Queued messages reach the parent even though this process closes right after.
        pipe.send("done".getBytes(StandardCharsets.US_ASCII), WAIT);
    }

    private static void fail(String why) {
        System.out.println(why);
        System.out.flush();
        Runtime.getRuntime().halt(2);
    }

    static byte pattern(int message, int i) {
        return (byte) (message * 7 + i * 13 + (i >> 8));
    }

    static void fill(MemorySegment m, int message) {
        for (int i = 0; i < m.byteSize(); i++) {
            m.set(ValueLayout.JAVA_BYTE, i, pattern(message, i));
        }
    }
}
