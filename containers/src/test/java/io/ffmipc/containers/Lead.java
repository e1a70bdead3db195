package io.ffmipc.containers;

import io.ffmipc.Channel;
import io.ffmipc.ChannelOptions;
import io.ffmipc.ChannelPeerGoneException;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.LockResult;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.MutexStatus;
import io.ffmipc.OpenMode;
import io.ffmipc.PeerState;
import io.ffmipc.RobustMutex;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;
import io.ffmipc.WaitStrategy;
import io.ffmipc.contract.ContractTexts;
import io.ffmipc.contract.ChannelPeer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Optional;

/**
 * The side of each cross-container exchange that creates the objects, written once: a host test
 * calls it in its own JVM, and a container runs it as a main ({@code Lead <exchange> NAME...}) when
 * both sides are containers. The other side is the existing child main of the contract or Linux
 * tests (named in each method). Every method creates, then calls {@code peerCanStart} (as a main:
 * prints {@value #READY}), does its half, throws {@link AssertionError} on any wrong result, and
 * removes what it created, pass or fail.
 */
public final class Lead {
    /** What the main prints once the objects exist and the peer may start. */
    static final String READY = "lead: ready";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final IpcPlatform IPC = Ipc.platform();

    private Lead() {
    }

    /** With {@link io.ffmipc.contract.SharedMemoryPeer}: a message there, the peer's reply back. */
    static void sharedMemory(String name, Runnable peerCanStart, Runnable peerDone) {
        try (SharedMemory shm = IPC.sharedMemory(name, OpenMode.CREATE, 4096)) {
            ContractTexts.write(shm.segment(), ContractTexts.MESSAGE_OFFSET, "hello from " + where());
            peerCanStart.run();
            peerDone.run();
            String reply = ContractTexts.read(shm.segment(), ContractTexts.REPLY_OFFSET);
            check(reply.equals("reply:hello from " + where()), "shared memory reply was '" + reply + "'");
        } finally {
            IPC.removeSharedMemory(name);
        }
    }

    /** With {@link io.ffmipc.contract.SemaphorePingPongChild}: {@code rounds} pings answered by pongs. */
    static void semaphores(String ping, String pong, int rounds, Runnable peerCanStart) {
        try (Semaphore pi = IPC.semaphore(ping, OpenMode.CREATE, 0);
             Semaphore po = IPC.semaphore(pong, OpenMode.CREATE, 0)) {
            peerCanStart.run();
            for (int i = 0; i < rounds; i++) {
                pi.release();
                check(po.tryAcquire(WAIT), "no pong in round " + i);
            }
        } finally {
            IPC.removeSemaphore(ping);
            IPC.removeSemaphore(pong);
        }
    }

    /** With {@code ChannelPeer echo-stream}: ping-pong, then a stream of checked messages of varying size. */
    static void channel(String name, int pings, int stream, Runnable peerCanStart) {
        ChannelOptions o = ChannelOptions.defaults().withCapacity(16 * 1024).withWaitStrategy(WaitStrategy.SPIN_THEN_PARK);
        try (Channel ch = IPC.channel(name, OpenMode.CREATE, o)) {
            peerCanStart.run();
            MemorySegment out = Arena.ofAuto().allocate(2048);
            MemorySegment in = Arena.ofAuto().allocate(2048);
            for (int seq = 0; seq < pings; seq++) {
                int len = ChannelPeer.fill(out, seq, 0);
                check(ch.offer(out.asSlice(0, len), WAIT), "ping " + seq + " not taken");
                int n = ch.receive(in, WAIT);
                check(n == len && ChannelPeer.check(in, 0, n, seq, 0) == null, "echo " + seq + " wrong");
            }
            for (int seq = 0; seq < stream; seq++) {
                int n = ch.receive(in, WAIT);
                String bad = n < 0 ? "timed out" : ChannelPeer.check(in, 0, n, seq, 1);
                check(bad == null, "stream message " + seq + ": " + bad);
            }
            check(ch.tryOffer(new byte[] {42}), "goodbye not taken");
        } finally {
            IPC.removeChannel(name);
        }
    }

    /**
     * With {@code ChannelPeer stream-forever}: receives and checks the stream until the peer is
     * reported dead ({@code peerStreaming} runs after 200 messages: kill the peer there). Returns the
     * pid the report names.
     */
    static long channelUntilPeerDies(String name, Runnable peerCanStart, Runnable peerStreaming) {
        ChannelOptions o = ChannelOptions.defaults().withCapacity(16 * 1024).withWaitStrategy(WaitStrategy.SPIN_THEN_PARK);
        try (Channel ch = IPC.channel(name, OpenMode.CREATE, o)) {
            peerCanStart.run();
            MemorySegment in = Arena.ofAuto().allocate(2048);
            int seq = 0;
            try {
                for (; ; seq++) {
                    int n = ch.receive(in, WAIT);
                    String bad = n < 0 ? "timed out, the peer never reported dead" : ChannelPeer.check(in, 0, n, seq, 2);
                    check(bad == null, "stream message " + seq + ": " + bad);
                    if (seq == 200) {
                        peerStreaming.run();
                    }
                }
            } catch (ChannelPeerGoneException gone) {
                check(seq > 200, "peer reported gone after " + seq + " messages, before it was killed: " + gone.getMessage());
                check(gone.state() == PeerState.DEAD, "peer reported " + gone.state() + ", not DEAD: " + gone.getMessage());
                say("lead: peer dead pid " + gone.pid() + " after " + seq + " messages");
                return gone.pid();
            }
        } finally {
            IPC.removeChannel(name);
        }
    }

    /**
     * With {@code SharedMemoryQueueChild produce QUEUE 0 COUNT} (the portable shared-memory queue):
     * every message arrives once, in order.
     */
    static void portableQueue(String name, int count, Runnable peerCanStart) {
        MessageQueueOptions o = MessageQueueOptions.defaults().withMaxMessages(64).withMaxMessageSize(64);
        try (MessageQueue q = IPC.sharedMemoryMessageQueue(name, OpenMode.CREATE, o)) {
            receiveProduced(q, count, peerCanStart);
        } finally {
            IPC.removeSharedMemoryMessageQueue(name);
        }
    }

    /** With {@code MessageQueueChild produce QUEUE 0 COUNT} (POSIX mq: needs a shared IPC namespace). */
    static void posixQueue(String name, int count, Runnable peerCanStart) {
        MessageQueueOptions o = MessageQueueOptions.defaults().withMaxMessages(8).withMaxMessageSize(64);
        try (MessageQueue q = IPC.messageQueue(name, OpenMode.CREATE, o)) {
            receiveProduced(q, count, peerCanStart);
        } finally {
            IPC.removeMessageQueue(name);
        }
    }

    private static void receiveProduced(MessageQueue q, int count, Runnable peerCanStart) {
        peerCanStart.run();
        for (int i = 0; i < count; i++) {
            Optional<MessageQueue.Message> m = q.receive(WAIT);
            check(m.isPresent(), "message " + i + " did not arrive");
            MemorySegment s = MemorySegment.ofArray(m.get().data());
            check(s.get(ValueLayout.JAVA_INT_UNALIGNED, 0) == 0 && s.get(ValueLayout.JAVA_INT_UNALIGNED, 4) == i,
                    "message " + i + " carries " + s.get(ValueLayout.JAVA_INT_UNALIGNED, 4));
        }
    }

    /**
     * With {@code RobustMutexChild hold NAME}: once the peer holds the mutex, {@code peerHolds} runs
     * (kill the peer there); the next lock must report the owner's death. Returns the status seen while it held.
     */
    static MutexStatus mutexOwnerDies(String name, Runnable peerCanStart, Runnable peerHolds) {
        try (RobustMutex m = IPC.mutex(name, OpenMode.CREATE)) {
            peerCanStart.run();
            long end = System.nanoTime() + WAIT.toNanos();
            MutexStatus held;
            // Held with its owner recorded (taking the lock and recording the owner are two steps).
            while ((held = m.status()).state() != MutexStatus.State.HELD || held.ownerPid() <= 0) {
                check(System.nanoTime() < end, "the peer never took the mutex");
                sleep(10);
            }
            peerHolds.run();
            LockResult r = m.tryLock(WAIT);
            check(r == LockResult.OWNER_DIED, "lock after the holder was killed: " + r + ", expected OWNER_DIED");
            m.unlock();
            say("lead: owner died reported (" + held + ")");
            return held;
        } finally {
            IPC.removeMutex(name);
        }
    }

    /** A last argument that makes the lead stay alive after "lead: ok" until its container is removed. */
    static final String LINGER = "--linger";

    /** As a container main: {@code Lead <exchange> args}; exit 0 when the exchange checked out. */
    public static void main(String[] args) {
        Runnable ready = () -> say(READY);
        Runnable nothing = () -> { };
        try {
            switch (args[0]) {
                case "shm" -> sharedMemory(args[1], ready, () -> awaitNonEmptyReply(args[1]));
                case "sem" -> semaphores(args[1], args[2], Integer.parseInt(args[3]), ready);
                case "channel" -> channel(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), ready);
                case "channel-until-dead" -> channelUntilPeerDies(args[1], ready, () -> say("lead: streaming"));
                case "queue" -> portableQueue(args[1], Integer.parseInt(args[2]), ready);
                case "mq" -> posixQueue(args[1], Integer.parseInt(args[2]), ready);
                case "mutex" -> mutexOwnerDies(args[1], ready, () -> say("lead: peer holds"));
                default -> throw new IllegalArgumentException("unknown exchange " + args[0]);
            }
            say("lead: ok");
            if (java.util.Arrays.asList(args).contains(LINGER)) {
                // The lead is pid 1 of a pid namespace its peer shares: its exit would SIGKILL the
                // peer, perhaps before the peer's own clean exit. It waits to be removed instead.
                Thread.sleep(120_000);
            }
            System.exit(0);
        } catch (Throwable t) {
            say("lead: FAILED " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    /** In a container the peer's exit is not visible: its reply showing up is. */
    private static void awaitNonEmptyReply(String name) {
        try (SharedMemory shm = IPC.sharedMemory(name, OpenMode.OPEN, 0)) {
            long end = System.nanoTime() + WAIT.toNanos();
            while (shm.segment().get(ValueLayout.JAVA_INT, ContractTexts.REPLY_OFFSET) == 0) {
                check(System.nanoTime() < end, "no reply within " + WAIT);
                sleep(10);
            }
            sleep(50); // the length is written last (see the contract's writeText): the text is there
        }
    }

    /** "host" or "container", so a message says which side wrote it. */
    static String where() {
        return java.nio.file.Files.exists(java.nio.file.Path.of("/.ffmipc-test-image")) ? "container" : "host";
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Sleeps; an interrupt fails the caller (the tests and peers never interrupt on purpose). */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
