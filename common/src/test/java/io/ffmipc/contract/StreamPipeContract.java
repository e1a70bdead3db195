package io.ffmipc.contract;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.IpcTimeoutException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.PeerClosedException;
import io.ffmipc.StreamPipe;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.InterruptedWait;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every provider's {@link StreamPipe} must do, with real child processes as peers. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class StreamPipeContract {
    private final List<String> made = new ArrayList<>();

    protected abstract IpcPlatform platform();

    /** A fresh pipe name, created now and removed after the test. */
    protected String createPipe() {
        String name = TestNames.unique("fifo");
        platform().createStreamPipe(name);
        made.add(name);
        return name;
    }

    @AfterEach
    void removePipes() {
        made.forEach(platform()::removeStreamPipe);
    }

    @Test
    void bytesFromAChildArriveInOrderThenTheStreamEnds() {
        String name = createPipe();
        int total = 300_000; // more than a pipe buffer holds, so the writer must wait for the reader
        try (StreamPipe in = platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO);
             ChildJvm child = ChildJvm.start(StreamPipePeer.class, "write", name, Integer.toString(total));
             Arena arena = Arena.ofConfined()) {
            assertEquals(StreamPipe.End.READ, in.end());
            MemorySegment buf = arena.allocate(7_000);
            long got = 0;
            while (true) {
                long n = in.read(buf, Duration.ofSeconds(20));
                assertTrue(n != 0, "no data within 20 s after " + got + " bytes; child said:\n" + child.output());
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i) != StreamPipePeer.pattern(got + i)) {
                        throw new AssertionError("byte " + (got + i) + " differs");
                    }
                }
                got += n;
            }
            assertEquals(total, got);
            child.assertSuccess(Duration.ofSeconds(20));
            assertEquals(-1, in.read(buf, Duration.ZERO), "the end of the stream stays the end");
        }
    }

    @Test
    void aWriterThatIsKilledEndsTheStreamCleanly() {
        String name = createPipe();
        try (StreamPipe in = platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO);
             ChildJvm child = ChildJvm.start(StreamPipePeer.class, "write-and-hang", name)) {
            byte[] buf = new byte[64];
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            while (!seen.toString(StandardCharsets.US_ASCII).contains("\n")) {
                int n = in.read(buf, 0, buf.length, Duration.ofSeconds(20));
                assertTrue(n > 0, "no ready line from the child: " + n + "\n" + child.output());
                seen.write(buf, 0, n);
            }
            assertEquals("ready\n", seen.toString(StandardCharsets.US_ASCII));
            child.kill();
            long t0 = System.nanoTime();
            assertEquals(-1, in.read(buf, 0, buf.length, Duration.ofSeconds(10)));
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "end of stream took too long");
        }
    }

    @Test
    void openingTheWriteEndWithNoReaderTimesOut() {
        String name = createPipe();
        long t0 = System.nanoTime();
        IpcTimeoutException e = assertThrows(IpcTimeoutException.class,
                () -> platform().openStreamPipe(name, StreamPipe.End.WRITE, Duration.ofMillis(300)));
        long waited = System.nanoTime() - t0;
        assertTrue(waited >= 295_000_000L, "gave up after only " + waited / 1_000_000 + " ms");
        assertTrue(waited < 5_000_000_000L, "waited " + waited / 1_000_000 + " ms");
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains("no reader"), e.getMessage());
    }

    @Test
    void aReadWithNoWriterYetTimesOutInsteadOfEnding() {
        String name = createPipe();
        try (StreamPipe in = platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO)) {
            long t0 = System.nanoTime();
            assertEquals(0, in.read(new byte[8], 0, 8, Duration.ofMillis(200)), "0 = timed out, -1 would be end of stream");
            assertTrue(System.nanoTime() - t0 >= 195_000_000L);
        }
    }

    @Test
    void bytesInOneProcessAndAWriteAfterTheReaderLeftIsPeerClosed() {
        String name = createPipe();
        StreamPipe in = platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO);
        try (StreamPipe out = platform().openStreamPipe(name, StreamPipe.End.WRITE, Duration.ofSeconds(5))) {
            byte[] hello = "hello, fifo".getBytes(StandardCharsets.US_ASCII);
            assertEquals(hello.length, out.write(hello, 0, hello.length, Duration.ofSeconds(5)));
            byte[] got = new byte[64];
            int n = in.read(got, 0, got.length, Duration.ofSeconds(5));
            assertArrayEquals(hello, java.util.Arrays.copyOf(got, n));
            in.close();
            // Without a reader the kernel raises SIGPIPE; the JVM ignores it and the write reports EPIPE.
            PeerClosedException e = assertThrows(PeerClosedException.class,
                    () -> out.write(hello, 0, hello.length, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("reader closed"), e.getMessage());
        } finally {
            in.close();
        }
    }

    @Test
    void badUseIsRefusedWithTypedErrors() {
        String name = createPipe();
        assertThrows(IpcObjectExistsException.class, () -> platform().createStreamPipe(name));
        String missing = TestNames.unique("fifo-missing");
        NoSuchIpcObjectException none = assertThrows(NoSuchIpcObjectException.class,
                () -> platform().openStreamPipe(missing, StreamPipe.End.READ, Duration.ZERO));
        assertTrue(none.getMessage().contains(missing), none.getMessage());
        assertFalse(platform().removeStreamPipe(missing));
        assertThrows(InvalidNameException.class, () -> platform().createStreamPipe("../etc"));
        StreamPipe in = platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO);
        IllegalStateException wrongEnd = assertThrows(IllegalStateException.class,
                () -> in.write(new byte[1], 0, 1, Duration.ZERO));
        assertTrue(wrongEnd.getMessage().contains("read end"), wrongEnd.getMessage());
        IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
                () -> in.read(MemorySegment.ofArray(new byte[4]), Duration.ZERO));
        assertTrue(heap.getMessage().contains("native"), heap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> in.read(new byte[4], 0, 4, Duration.ofMillis(-1)));
        in.close();
        in.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> in.read(new byte[4], 0, 4, Duration.ZERO));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    /** Waits end at an interrupt (read, and opening the write end with no reader) and at a close from another thread. */
    @Test
    void anInterruptOrACloseEndsAWait() throws Exception {
        String name = createPipe();
        InterruptedWait.assertInterruptEnds(() -> platform().openStreamPipe(name, StreamPipe.End.WRITE, Duration.ofSeconds(60)));
        try (StreamPipe in = platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO)) {
            InterruptedWait.assertInterruptEnds(() -> in.read(new byte[8], 0, 8, Duration.ofSeconds(60)));
        }
        StreamPipe in = platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO);
        CompletableFuture<Integer> reading = CompletableFuture.supplyAsync(() -> in.read(new byte[8], 0, 8, Duration.ofSeconds(60)));
        Thread.sleep(150);
        long t0 = System.nanoTime();
        in.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> reading.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException && e.getCause().getMessage().contains("closed"),
                String.valueOf(e.getCause()));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "close did not end the read promptly");
    }
}
