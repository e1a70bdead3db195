package io.ffmipc.containers;

import io.ffmipc.Channel;
import io.ffmipc.ChannelOptions;
import io.ffmipc.ChannelPeerGoneException;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.PeerState;
import io.ffmipc.SharedMemory;
import io.ffmipc.WaitStrategy;
import io.ffmipc.channel.QueueDescriptor;
import io.ffmipc.testkit.ReceiveTurns;
import io.ffmipc.testkit.StructureMemory;
import io.ffmipc.channel.ProcessStamps;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The processes of {@link PidNamespaceLivenessTest}, each in a container with a pid namespace of
 * its own, sharing {@code /dev/shm}. Every line is flushed at once, so the test reads what was
 * said even when it kills the process right after.
 * <ul>
 *   <li>{@code watch-channel NAME SECONDS}: creates a channel, waits for an opener, then for SECONDS
 *       keeps receiving (with short timeouts, so the liveness checks run) and prints
 *       {@code peer gone <state> pid <pid>} if the channel reports the peer gone, else
 *       {@code watch ended: peer <state>};</li>
 *   <li>{@code hold-channel NAME}: opens the channel, prints {@code holding}, sleeps (alive, idle);</li>
 *   <li>{@code watch-queue NAME SECONDS}: creates a portable queue, sends itself one message, and
 *       tries for SECONDS to receive it, printing {@code received after <ms> ms} or {@code watch ended};</li>
 *   <li>{@code hold-queue-turn NAME}: opens the queue and takes its receive turn as a receiver does
 *       for the length of one copy (the turn then names this handle), prints {@code holding}, sleeps;</li>
 *   <li>{@code hold-lock PATH}: takes an exclusive record lock on the file, prints {@code holding}, sleeps;</li>
 *   <li>{@code watch-lock PATH SECONDS}: every 50 ms tries the lock without waiting; prints
 *       {@code lock held by a live process} while it is refused and {@code lock free after <ms> ms}
 *       once the kernel released it.</li>
 * </ul>
 */
public final class NamespacePeer {
    private static final IpcPlatform IPC = Ipc.platform();

    private NamespacePeer() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[1];
        switch (args[0]) {
            case "watch-channel" -> watchChannel(name, Long.parseLong(args[2]));
            case "hold-channel" -> {
                try (Channel ch = IPC.channel(name, OpenMode.OPEN, ChannelOptions.defaults())) {
                    Lead.say("holding channel, stamp " + Long.toHexString(ProcessStamps.self()));
                    Thread.sleep(120_000);
                }
            }
            case "watch-queue" -> watchQueue(name, Long.parseLong(args[2]));
            case "hold-queue-turn" -> {
                try (MessageQueue q = IPC.sharedMemoryMessageQueue(name, OpenMode.OPEN, MessageQueueOptions.defaults());
                     SharedMemory shm = StructureMemory.open(IPC, "mq", name)) {
                    ReceiveTurns.hold(q);
                    Lead.say("holding turn " + Long.toHexString(shm.segment().get(ValueLayout.JAVA_LONG,
                            QueueDescriptor.RECEIVE_TURN_OFFSET)) + ", stamp " + Long.toHexString(ProcessStamps.self()));
                    Thread.sleep(120_000);
                }
            }
            case "hold-lock" -> {
                try (FileChannel f = FileChannel.open(Path.of(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = f.lock()) {
                    Lead.say("holding lock");
                    Thread.sleep(120_000);
                }
            }
            case "watch-lock" -> watchLock(Path.of(name), Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void watchChannel(String name, long seconds) throws InterruptedException {
        try (Channel ch = IPC.channel(name, OpenMode.CREATE, ChannelOptions.defaults().withWaitStrategy(WaitStrategy.PARK))) {
            Lead.say(Lead.READY);
            while (ch.peerState() == PeerState.NOT_CONNECTED) {
                Thread.sleep(10);
            }
            Lead.say("peer connected");
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                try {
                    if (ch.receive(Duration.ofMillis(300)) != null) {
                        Lead.say("unexpected message");
                    }
                } catch (ChannelPeerGoneException gone) {
                    Lead.say("peer gone " + gone.state() + " pid " + gone.pid() + ": " + gone.getMessage());
                    return;
                }
            }
            Lead.say("watch ended: peer " + ch.peerState());
        } finally {
            IPC.removeChannel(name);
        }
    }

    private static void watchQueue(String name, long seconds) {
        MessageQueueOptions o = MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(16);
        try (MessageQueue q = IPC.sharedMemoryMessageQueue(name, OpenMode.CREATE, o)) {
            Lead.say(Lead.READY);
            try (SharedMemory shm = StructureMemory.open(IPC, "mq", name)) {
                while (shm.segment().get(ValueLayout.JAVA_LONG, QueueDescriptor.RECEIVE_TURN_OFFSET) == 0) {
                    Lead.sleep(10);
                }
            }
            Lead.say("turn taken by the peer");
            q.send(new byte[] {7}, 0, Duration.ofSeconds(5));
            long start = System.nanoTime();
            Optional<MessageQueue.Message> m = q.receive(Duration.ofSeconds(seconds));
            Lead.say(m.isPresent() ? "received after " + (System.nanoTime() - start) / 1_000_000 + " ms" : "watch ended");
        } finally {
            IPC.removeSharedMemoryMessageQueue(name);
        }
    }

    private static void watchLock(Path path, long seconds) throws IOException {
        try (FileChannel f = FileChannel.open(path, StandardOpenOption.WRITE)) {
            Lead.say(Lead.READY);
            long start = System.nanoTime();
            boolean saidHeld = false;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                FileLock l = f.tryLock();
                if (l != null) {
                    l.release();
                    Lead.say("lock free after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                    return;
                }
                if (!saidHeld) {
                    Lead.say("lock held by a live process");
                    saidHeld = true;
                }
                Lead.sleep(50);
            }
            Lead.say("watch ended: lock still held");
        }
    }
}
