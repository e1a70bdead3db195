package io.ffmipc.contract;

import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.IpcPlatform;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.InterruptedWait;
import io.ffmipc.testkit.LeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every provider's {@link Event} must do, including handing it to a child process. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EventContract {

    protected abstract IpcPlatform platform();

    /**
     * The child's main class: {@link EventPingPongChild} on the provider's default platform. A
     * subclass that tests another platform gives a main that runs {@link EventPingPongChild#run} on it.
     */
    protected Class<?> childMain() {
        return EventPingPongChild.class;
    }

    @Test
    void counterModeHandsOutAllPendingSignalsAtOnce() {
        try (Event e = platform().event(EventMode.COUNTER)) {
            assertEquals(EventMode.COUNTER, e.mode());
            assertEquals(0, e.poll());
            e.signal();
            e.signal(4);
            assertEquals(5, e.await(Duration.ofSeconds(1)));
            assertEquals(0, e.poll());
        }
    }

    @Test
    void semaphoreModeHandsOutOneSignalPerWait() {
        try (Event e = platform().event(EventMode.SEMAPHORE)) {
            assertEquals(EventMode.SEMAPHORE, e.mode());
            e.signal(3);
            assertEquals(1, e.await(Duration.ofSeconds(1)));
            assertEquals(1, e.poll());
            assertEquals(1, e.await(Duration.ZERO));
            assertEquals(0, e.poll());
        }
    }

    @Test
    void awaitTimesOutAfterAboutTheTimeout() {
        try (Event e = platform().event(EventMode.COUNTER)) {
            long t0 = System.nanoTime();
            assertEquals(0, e.await(Duration.ofMillis(200)));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 190_000_000L, "returned after only " + waited / 1_000_000 + " ms");
            assertEquals(0, e.await(Duration.ZERO));
        }
    }

    @Test
    void aSignalFromAnotherThreadEndsAWait() throws Exception {
        try (Event e = platform().event(EventMode.COUNTER)) {
            CompletableFuture<Long> got = CompletableFuture.supplyAsync(() -> e.await(Duration.ofSeconds(30)));
            Thread.sleep(100);
            e.signal(7);
            assertEquals(7L, got.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() throws Exception {
        try (Event e = platform().event(EventMode.SEMAPHORE)) {
            InterruptedWait.assertInterruptEnds(() -> e.await(Duration.ofSeconds(60)));
        }
    }

    @Test
    void badArgumentsAreRejected() {
        try (Event e = platform().event(EventMode.COUNTER)) {
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> e.signal(0));
            assertTrue(zero.getMessage().contains("at least 1"), zero.getMessage());
            assertThrows(IllegalArgumentException.class, () -> e.signal(-5));
            assertThrows(IllegalArgumentException.class, () -> e.await(Duration.ofMillis(-1)));
        }
        assertThrows(IllegalArgumentException.class, () -> platform().event(null));
    }

    /** How this OS's inheritance tokens begin: {@code fd:} (POSIX descriptors) or {@code handle:} (Windows HANDLEs). */
    protected String tokenForm() {
        return "fd:";
    }

    @Test
    void badInheritanceTokensNameTheExpectedForm() {
        String form = tokenForm();
        String otherForm = form.equals("fd:") ? "handle:" : "fd:";
        for (String bad : new String[] {"", "3", form, form + "x", form + "-1", otherForm + "3", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> platform().inheritedEvent(bad, EventMode.COUNTER), "token " + bad);
            assertTrue(e.getMessage().contains(form), e.getMessage());
        }
    }

    @Test
    void useAfterCloseThrowsAndCloseTwiceIsSafe() {
        Event e = platform().event(EventMode.COUNTER);
        e.close();
        e.close();
        IllegalStateException x = assertThrows(IllegalStateException.class, e::signal);
        assertTrue(x.getMessage().contains("closed"), x.getMessage());
        assertThrows(IllegalStateException.class, () -> e.await(Duration.ZERO));
        assertThrows(IllegalStateException.class, e::poll);
        assertThrows(IllegalStateException.class, e::osHandle);
    }

    /**
     * A child started through the platform's launcher inherits two events (one per direction) and
     * plays ping-pong; then it checks both modes' semantics on what the parent sends, and reports
     * on stdout, which the launcher sends to a file.
     */
    @Test
    void pingPongWithAChildThatInheritsTheEvents() throws Exception {
        int rounds = 200;
        Path out = Files.createTempFile("ffmipc-event-child-", ".out");
        try (Event toChild = platform().event(EventMode.SEMAPHORE);
             Event toParent = platform().event(EventMode.COUNTER)) {
            ChildLauncher launcher = platform().launcher(ChildJvm.command(childMain()));
            String a = launcher.inherit(toChild);
            String b = launcher.inherit(toParent);
            launcher.argument(a).argument(b).argument(Integer.toString(rounds)).stdout(out).stderr(out);
            try (ChildProcess child = launcher.start()) {
                for (int i = 0; i < rounds; i++) {
                    toChild.signal();
                    assertEquals(1, toParent.await(Duration.ofSeconds(20)),
                            "no answer in round " + i + "; child said:\n" + Files.readString(out));
                }
                // Semaphore mode on the child's side: three signals are three waits of one.
                toChild.signal(3);
                assertEquals(3, toParent.await(Duration.ofSeconds(20)), Files.readString(out));
                OptionalInt code = child.waitFor(Duration.ofSeconds(30));
                assertEquals(OptionalInt.of(0), code, "child said:\n" + Files.readString(out));
                assertTrue(Files.readString(out).contains("child done"), Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
