package io.ffmipc.contract;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Inheritable;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.IpcTimeoutException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.MessageTooLargeException;
import io.ffmipc.OpenMode;
import io.ffmipc.PassedHandle;
import io.ffmipc.PeerClosedException;
import io.ffmipc.PeerIdentity;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.SharedMemory;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.InterruptedWait;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every provider's {@link MessagePipe} must do: boundaries, identity, admission, handles, errors. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class MessagePipeContract {
    private static final Duration WAIT = Duration.ofSeconds(20);

    protected abstract IpcPlatform platform();

    /**
     * The child's main class: {@link MessagePipePeer} on the provider's default platform. A subclass
     * that tests another platform gives a main that runs {@link MessagePipePeer#run} on the same one.
     */
    protected Class<?> peerMain() {
        return MessagePipePeer.class;
    }

    private static String self() {
        return Long.toString(ProcessHandle.current().pid());
    }

    /** A server and one client connected to it, in this process. */
    private record Pair(MessagePipeServer server, MessagePipe client, MessagePipe accepted) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            accepted.close();
            server.close();
        }
    }

    private Pair pair() throws Exception {
        MessagePipeServer server = platform().messagePipeServer(TestNames.unique("mp"));
        try {
            CompletableFuture<Optional<MessagePipe>> accepted = CompletableFuture.supplyAsync(() -> server.accept(WAIT));
            MessagePipe client = platform().connectMessagePipe(server.name(), WAIT);
            return new Pair(server, client, accepted.get(30, TimeUnit.SECONDS).orElseThrow());
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @Test
    void boundariesAndIdentityHoldBetweenProcesses() {
        try (MessagePipeServer server = platform().messagePipeServer(TestNames.unique("mp-echo"));
             ChildJvm child = ChildJvm.start(peerMain(), "echo", server.name(), self());
             Arena arena = Arena.ofConfined()) {
            MessagePipe pipe = server.accept(WAIT).orElseThrow(() -> new AssertionError("no client: " + child.output()));
            try (pipe) {
                PeerIdentity peer = pipe.peer();
                assertEquals(child.pid(), peer.pid(), "SO_PEERCRED pid is the child's");
                assertEquals(platform().currentProcess().uid(), peer.uid());
                assertEquals(platform().currentProcess().gid(), peer.gid());
                int max = pipe.maxMessageSize();
                assertTrue(max >= 64 * 1024, "max message size " + max);
                Random random = new Random(42);
                int[] sizes = new int[120];
                int[] fixed = {0, 1, 2, 255, 4096, 65536, max, 0, max - 1, 3};
                for (int i = 0; i < sizes.length; i++) {
                    sizes[i] = i < fixed.length ? fixed[i] : random.nextInt(i % 3 == 0 ? max + 1 : 300);
                }
                MemorySegment out = arena.allocate(max);
                MemorySegment in = arena.allocate(max);
                // Send in bursts of 8 before reading the echoes, so messages queue up on both sides.
                for (int start = 0; start < sizes.length; start += 8) {
                    int end = Math.min(sizes.length, start + 8);
                    for (int m = start; m < end; m++) {
                        MemorySegment msg = out.asSlice(0, sizes[m]);
                        MessagePipePeer.fill(msg, m);
                        assertTrue(pipe.send(msg, WAIT), "send " + m + " timed out");
                    }
                    for (int m = start; m < end; m++) {
                        long n = pipe.receive(in, WAIT);
                        assertEquals(sizes[m], n, "echo of message " + m + "; child said:\n" + child.output());
                        for (int i = 0; i < n; i++) {
                            if (in.get(ValueLayout.JAVA_BYTE, i) != MessagePipePeer.pattern(m, i)) {
                                throw new AssertionError("message " + m + " byte " + i + " differs");
                            }
                        }
                    }
                }
            }
            child.assertSuccess(WAIT);
            assertTrue(child.output().contains("echoed 120"), child.output());
        }
    }

    @Test
    void handlesPassedToAChildAreUsedThere() {
        String shmName = TestNames.unique("mp-shm");
        try (SharedMemory shm = platform().sharedMemory(shmName, OpenMode.CREATE, 4096)) {
            passMemoryAndEventToAChild(shm);
        } finally {
            platform().removeSharedMemory(shmName);
        }
    }

    /** Unnamed shared memory has no other way into another process than its handle. */
    @Test
    void anonymousMemoryPassedToAChildIsUsedThere() {
        try (SharedMemory shm = platform().anonymousSharedMemory(4096)) {
            passMemoryAndEventToAChild(shm);
        }
    }

    /** Sends the memory's handle and an event's over a pipe; the child writes into one and signals the other. */
    private void passMemoryAndEventToAChild(SharedMemory shm) {
        try (MessagePipeServer server = platform().messagePipeServer(TestNames.unique("mp-handles"));
             Event event = platform().event(EventMode.COUNTER);
             ChildJvm child = ChildJvm.start(peerMain(), "handles", server.name(), self())) {
            shm.segment().setString(0, "hello through SCM_RIGHTS");
            Inheritable shmHandle = shm.handle().orElseThrow();
            try (MessagePipe pipe = server.accept(WAIT).orElseThrow(() -> new AssertionError(child.output()))) {
                assertTrue(pipe.sendHandle(shmHandle, WAIT));
                assertTrue(pipe.sendHandle(event, WAIT));
                assertEquals(5, event.await(WAIT), "the child's signals through the passed eventfd; it said:\n"
                        + child.output());
                assertArrayEquals("done".getBytes(StandardCharsets.US_ASCII), pipe.receive(WAIT), child.output());
            }
            assertEquals("child saw: hello through SCM_RIGHTS (4096 bytes)", shm.segment().getString(1024));
            child.assertSuccess(WAIT);
        }
    }

    @Test
    void aReceiveBufferTooSmallIsReportedAndTheMessageStaysQueued() throws Exception {
        try (Pair p = pair(); Arena arena = Arena.ofConfined()) {
            MemorySegment msg = arena.allocate(100);
            MessagePipePeer.fill(msg, 1);
            assertTrue(p.client().send(msg, WAIT));
            assertTrue(p.client().send(new byte[] {9}, WAIT));
            ReceiveBufferTooSmallException e = assertThrows(ReceiveBufferTooSmallException.class,
                    () -> p.accepted().receive(arena.allocate(10), WAIT));
            assertEquals(100, e.messageSize());
            assertEquals(10, e.bufferSize());
            assertTrue(e.getMessage().contains("100 bytes") && e.getMessage().contains("still queued"), e.getMessage());
            MemorySegment big = arena.allocate(100);
            assertEquals(100, p.accepted().receive(big, WAIT));
            assertEquals(-1, big.mismatch(msg));
            assertArrayEquals(new byte[] {9}, p.accepted().receive(WAIT), "the next message is untouched");
        }
    }

    /**
     * A send that times out has sent nothing; one that returned true arrives whole and in order,
     * even when the receiver starts reading only after the sender has given up and waits for it —
     * where the pipe is a byte stream underneath (macOS), the OS may have taken only the beginning of
     * the last message when the sender's time ran out.
     */
    @Test
    void sendsThatTimeOutSendNothingAndSentMessagesArriveWhole() throws Exception {
        try (Pair p = pair(); Arena arena = Arena.ofConfined()) {
            int max = p.client().maxMessageSize();
            MemorySegment out = arena.allocate(max);
            MemorySegment expected = arena.allocate(max);
            MemorySegment in = arena.allocate(max);
            int sent = 0;
            while (true) {
                MessagePipePeer.fill(out, sent);
                if (!p.client().send(out, Duration.ofMillis(20))) {
                    break;
                }
                sent++;
                assertTrue(sent < 10_000, "the pipe never filled up");
            }
            for (int m = 0; m < sent; m++) {
                assertEquals(max, p.accepted().receive(in, WAIT), "message " + m + " of " + sent);
                MessagePipePeer.fill(expected, m);
                assertEquals(-1, in.mismatch(expected), "message " + m + " of " + sent + " arrived whole");
            }
            assertEquals(MessagePipe.TIMED_OUT, p.accepted().receive(in, Duration.ofMillis(200)),
                    "the send that timed out sent nothing");
            MessagePipePeer.fill(out, 77);
            assertTrue(p.client().send(out, WAIT));
            assertEquals(max, p.accepted().receive(in, WAIT));
            assertEquals(-1, in.mismatch(out));
        }
    }

    @Test
    void aMessageOfTheOtherKindIsNotConsumedByTheWrongCall() throws Exception {
        try (Pair p = pair(); Event event = platform().event(EventMode.COUNTER)) {
            assertTrue(p.client().sendHandle(event, WAIT));
            IpcException e = assertThrows(IpcException.class, () -> p.accepted().receive(WAIT));
            assertTrue(e.getMessage().contains("carrying a handle") && e.getMessage().contains("receiveHandle"),
                    e.getMessage());
            try (PassedHandle h = p.accepted().receiveHandle(WAIT)) {
                assertNotNull(h);
                try (Event same = platform().eventFromHandle(h, EventMode.COUNTER)) {
                    same.signal(3);
                    assertEquals(3, event.poll(), "the passed handle is the same event");
                }
            }
            assertTrue(p.client().send(new byte[] {1, 2}, WAIT));
            IpcException other = assertThrows(IpcException.class, () -> p.accepted().receiveHandle(WAIT));
            assertTrue(other.getMessage().contains("data message"), other.getMessage());
            assertArrayEquals(new byte[] {1, 2}, p.accepted().receive(WAIT));
        }
    }

    @Test
    void theServerRefusesClientsItsCheckRejects() {
        long ourUid = platform().currentProcess().uid();
        try (MessagePipeServer server = platform().messagePipeServer(TestNames.unique("mp-refuse"),
                peer -> peer.uid() != ourUid)) {
            CompletableFuture<Optional<MessagePipe>> accepted =
                    CompletableFuture.supplyAsync(() -> server.accept(Duration.ofSeconds(2)));
            IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class,
                    () -> platform().connectMessagePipe(server.name(), WAIT));
            assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("uid=" + ourUid), e.getMessage());
            assertEquals(Optional.empty(), accepted.join(), "a refused client is not handed to the server");
        }
    }

    @Test
    void aClosedPeerEndsTheStreamAndSendsFail() throws Exception {
        try (Pair p = pair(); Arena arena = Arena.ofConfined()) {
            assertTrue(p.client().send(new byte[] {7}, WAIT));
            p.client().close();
            MemorySegment buf = arena.allocate(16);
            assertEquals(1, p.accepted().receive(buf, WAIT), "what was sent before closing still arrives");
            long t0 = System.nanoTime();
            assertEquals(MessagePipe.END_OF_STREAM, p.accepted().receive(buf, WAIT));
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "end of stream was not prompt");
            assertThrows(PeerClosedException.class, () -> p.accepted().receive(WAIT));
            assertThrows(PeerClosedException.class, () -> p.accepted().receiveHandle(WAIT));
            PeerClosedException e = assertThrows(PeerClosedException.class, () -> p.accepted().send(new byte[] {1}, WAIT));
            assertTrue(e.getMessage().contains("peer closed"), e.getMessage());
            p.client().close();
            assertThrows(IllegalStateException.class, () -> p.client().send(new byte[1], WAIT));
            assertThrows(IllegalStateException.class, () -> p.client().receive(buf, WAIT));
            assertThrows(IllegalStateException.class, () -> p.client().peer());
        }
    }

    @Test
    void receiveAcceptAndConnectTimeOut() throws Exception {
        try (Pair p = pair()) {
            long t0 = System.nanoTime();
            assertNull(p.accepted().receive(Duration.ofMillis(200)));
            assertTrue(System.nanoTime() - t0 >= 195_000_000L);
            try (Arena arena = Arena.ofConfined()) {
                assertEquals(MessagePipe.TIMED_OUT, p.accepted().receive(arena.allocate(8), Duration.ZERO));
            }
            assertNull(p.accepted().receiveHandle(Duration.ofMillis(20)));
            t0 = System.nanoTime();
            assertEquals(Optional.empty(), p.server().accept(Duration.ofMillis(200)));
            assertTrue(System.nanoTime() - t0 >= 195_000_000L);
        }
        // Nobody listening for the whole timeout is an error, not a timeout (issue 8 §7): the client
        // waited for a server to appear, and none did.
        String nobody = TestNames.unique("mp-nobody");
        long t0 = System.nanoTime();
        NoSuchIpcObjectException e = assertThrows(NoSuchIpcObjectException.class,
                () -> platform().connectMessagePipe(nobody, Duration.ofMillis(300)));
        long waited = System.nanoTime() - t0;
        assertTrue(waited >= 295_000_000L && waited < 5_000_000_000L, waited / 1_000_000 + " ms");
        assertTrue(e.getMessage().contains(nobody) && e.getMessage().contains("no server is listening on '" + nobody + "'"),
                e.getMessage());
    }

    /** A server that is there but does not take the connection in time is a timeout, not a missing server. */
    @Test
    void aServerThatDoesNotAnswerInTimeIsATimeout() {
        try (MessagePipeServer server = platform().messagePipeServer(TestNames.unique("mp-silent"))) {
            long t0 = System.nanoTime();
            IpcTimeoutException e = assertThrows(IpcTimeoutException.class,
                    () -> platform().connectMessagePipe(server.name(), Duration.ofMillis(300)));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 295_000_000L && waited < 5_000_000_000L, waited / 1_000_000 + " ms");
            assertTrue(e.getMessage().contains(server.name()) && e.getMessage().contains("did not"), e.getMessage());
        }
    }

    /** Receive, accept and connect waits end at an interrupt; a receive also at a close from another thread. */
    @Test
    void anInterruptOrACloseEndsAWait() throws Exception {
        try (Pair p = pair(); Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            InterruptedWait.assertInterruptEnds(() -> p.accepted().receive(buf, Duration.ofSeconds(60)));
            InterruptedWait.assertInterruptEnds(() -> p.accepted().receiveHandle(Duration.ofSeconds(60)));
            InterruptedWait.assertInterruptEnds(() -> p.server().accept(Duration.ofSeconds(60)));
            InterruptedWait.assertInterruptEnds(
                    () -> platform().connectMessagePipe(TestNames.unique("mp-nobody"), Duration.ofSeconds(60)));
            CompletableFuture<byte[]> receiving = CompletableFuture.supplyAsync(() -> p.client().receive(Duration.ofSeconds(60)));
            Thread.sleep(150);
            long t0 = System.nanoTime();
            p.client().close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> receiving.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException && e.getCause().getMessage().contains("closed"),
                    String.valueOf(e.getCause()));
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "close did not end the receive promptly");
        }
    }

    @Test
    void badUseIsRefusedWithTypedErrors() throws Exception {
        try (Pair p = pair()) {
            assertThrows(IpcObjectExistsException.class, () -> platform().messagePipeServer(p.server().name()));
            int max = p.client().maxMessageSize();
            IpcLimitException big = assertThrows(IpcLimitException.class, () -> p.client().send(new byte[max + 1], WAIT));
            assertTrue(big.getMessage().contains("at most " + max), big.getMessage());
            MessageTooLargeException tooLarge = assertInstanceOf(MessageTooLargeException.class, big,
                    "one type for a message that is too large, everywhere (issue 8 §5)");
            assertEquals(max + 1, tooLarge.messageSize());
            assertEquals(max, tooLarge.maxMessageSize());
            try (Arena arena = Arena.ofConfined()) {
                assertThrows(MessageTooLargeException.class, () -> p.client().send(arena.allocate(max + 1), WAIT));
            }
            IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
                    () -> p.client().send(MemorySegment.ofArray(new byte[4]), WAIT));
            assertTrue(heap.getMessage().contains("native"), heap.getMessage());
            assertThrows(IllegalArgumentException.class, () -> p.client().sendHandle(() -> -1, WAIT));
            assertThrows(IllegalArgumentException.class, () -> p.client().receive(Duration.ofMillis(-5)));
            assertTrue(p.client().send(new byte[0], WAIT));
            assertArrayEquals(new byte[0], p.accepted().receive(WAIT), "an empty message is a message, not the end");
        }
    }
}
