package io.ffmipc.contract;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.InterruptedWait;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.NameLifetime;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every provider's named {@link Semaphore} must do. Subclass per OS with {@link #platform()}.
 * Every semaphore a test creates is removed in {@link #removeCreated()}, pass or fail.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class SemaphoreContract {
    private final List<String> created = new ArrayList<>();

    protected abstract IpcPlatform platform();

    /** A fresh name, removed after the test. */
    protected String newName() {
        String n = TestNames.unique("sem");
        created.add(n);
        return n;
    }

    /**
     * Whether {@link Semaphore#value()} can be read on this OS. Where it cannot (Windows has no
     * documented call that reads a semaphore's count), the contract counts the units by taking them
     * and giving them back ({@link #valueOf}), and checks that value() says why it cannot answer.
     */
    protected boolean valueReadable() {
        return true;
    }

    /** The semaphore's value: {@link Semaphore#value()} where the OS tells it, else the units tryAcquire takes, released again. */
    protected final int valueOf(Semaphore s) {
        if (valueReadable()) {
            return s.value();
        }
        IpcException e = assertThrows(IpcException.class, s::value);
        assertTrue(e.getMessage().contains("cannot tell"), e.getMessage());
        int n = 0;
        while (s.tryAcquire()) {
            n++;
        }
        for (int i = 0; i < n; i++) {
            s.release();
        }
        return n;
    }

    @AfterEach
    void removeCreated() {
        for (String n : created) {
            platform().removeSemaphore(n);
        }
    }

    @Test
    void createThenOpenSharesTheValue() {
        String name = newName();
        try (Semaphore a = platform().semaphore(name, OpenMode.CREATE, 2);
             Semaphore b = platform().semaphore(name, OpenMode.OPEN, 99)) {
            assertEquals(name, a.name());
            assertEquals(2, valueOf(b), "OPEN ignores the initial value");
            assertTrue(b.tryAcquire());
            assertEquals(1, valueOf(a));
            a.release();
            a.release();
            assertEquals(3, valueOf(b));
        }
    }

    @Test
    void openOrCreateCreatesOnceThenOpens() {
        String name = newName();
        try (Semaphore a = platform().semaphore(name, OpenMode.OPEN_OR_CREATE, 1);
             Semaphore b = platform().semaphore(name, OpenMode.OPEN_OR_CREATE, 5)) {
            assertEquals(1, valueOf(a));
            assertEquals(1, valueOf(b), "the second OPEN_OR_CREATE opened, so its initial value was ignored");
        }
    }

    @Test
    void exclusiveCreateOfAnExistingSemaphoreNamesIt() {
        String name = newName();
        try (Semaphore a = platform().semaphore(name, OpenMode.CREATE, 0)) {
            IpcObjectExistsException e = assertThrows(IpcObjectExistsException.class,
                    () -> platform().semaphore(name, OpenMode.CREATE, 0));
            assertTrue(e.getMessage().contains(name), e.getMessage());
            assertEquals(name, e.objectName().orElseThrow());
        }
    }

    @Test
    void openingAMissingSemaphoreFails() {
        String name = TestNames.unique("sem-missing");
        NoSuchIpcObjectException e = assertThrows(NoSuchIpcObjectException.class,
                () -> platform().semaphore(name, OpenMode.OPEN, 0));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertFalse(platform().removeSemaphore(name), "removing a missing semaphore reports false");
    }

    @Test
    void removeAndUnlinkForgetTheName() {
        String name = newName();
        try (Semaphore a = platform().semaphore(name, OpenMode.CREATE, 1)) {
            a.unlink();
            if (NameLifetime.persistent(platform())) {
                assertThrows(NoSuchIpcObjectException.class, () -> platform().semaphore(name, OpenMode.OPEN, 0));
            } else {
                // names die with their last handle: unlink had nothing to remove, the name still opens
                platform().semaphore(name, OpenMode.OPEN, 0).close();
            }
            assertTrue(a.tryAcquire(), "an open handle keeps working after unlink");
        }
        String other = newName();
        platform().semaphore(other, OpenMode.CREATE, 0).close();
        if (NameLifetime.persistent(platform())) {
            assertTrue(platform().removeSemaphore(other));
        } else {
            assertFalse(platform().removeSemaphore(other), "nothing persists, so there is nothing to remove");
            assertThrows(NoSuchIpcObjectException.class, () -> platform().semaphore(other, OpenMode.OPEN, 0),
                    "the name went with its last handle");
        }
        assertFalse(platform().removeSemaphore(other));
    }

    @Test
    void tryAcquireTimesOutAfterAboutTheTimeout() {
        try (Semaphore s = platform().semaphore(newName(), OpenMode.CREATE, 0)) {
            assertFalse(s.tryAcquire());
            long t0 = System.nanoTime();
            assertFalse(s.tryAcquire(Duration.ofMillis(200)));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 190_000_000L, "returned after only " + waited / 1_000_000 + " ms");
            assertFalse(s.tryAcquire(Duration.ZERO));
            s.release();
            assertTrue(s.tryAcquire(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aReleaseFromAnotherThreadEndsAWait() throws Exception {
        try (Semaphore s = platform().semaphore(newName(), OpenMode.CREATE, 0)) {
            CompletableFuture<Boolean> got = CompletableFuture.supplyAsync(() -> s.tryAcquire(Duration.ofSeconds(30)));
            Thread.sleep(100);
            s.release();
            assertTrue(got.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() throws Exception {
        try (Semaphore s = platform().semaphore(newName(), OpenMode.CREATE, 0)) {
            long took = InterruptedWait.assertInterruptEnds(s::acquire);
            assertTrue(took < 2_000_000_000L);
            assertEquals(0, valueOf(s), "an interrupted wait takes nothing");
        }
    }

    @Test
    void valuesAtTheMaximumAreRefusedWithTheLimitNamed() {
        int max = platform().limits().maxSemaphoreValue();
        try (Semaphore s = platform().semaphore(newName(), OpenMode.CREATE, max)) {
            if (valueReadable()) {
                assertEquals(max, s.value());
            }
            IpcLimitException e = assertThrows(IpcLimitException.class, s::release);
            assertTrue(e.getMessage().contains(Integer.toString(max)), e.getMessage());
            if (valueReadable()) {
                assertEquals(max, s.value());
            } else { // counting 2^31 units one by one is out of the question: one down, one up, then full again
                assertTrue(s.tryAcquire());
                s.release();
                assertThrows(IpcLimitException.class, s::release);
            }
        }
    }

    /**
     * The value is read where the OS tells it; where it cannot, reading it is a typed error naming
     * the semaphore, not a guess, and the semaphore itself works.
     */
    @Test
    void theValueIsToldOrRefusedNamingTheSemaphore() {
        String name = newName();
        try (Semaphore s = platform().semaphore(name, OpenMode.CREATE, 1)) {
            if (valueReadable()) {
                assertEquals(1, s.value());
            } else {
                io.ffmipc.IpcException e = assertThrows(io.ffmipc.IpcException.class, s::value);
                assertTrue(e.getMessage().contains("cannot tell") && e.getMessage().contains(name), e.getMessage());
            }
            assertTrue(s.tryAcquire(), "the semaphore itself works");
        }
    }

    @Test
    void aNegativeInitialValueIsRejected() {
        String name = TestNames.unique("sem-neg");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> platform().semaphore(name, OpenMode.CREATE, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(NoSuchIpcObjectException.class, () -> platform().semaphore(name, OpenMode.OPEN, 0));
    }

    @Test
    void invalidAndOverLongNamesAreRejectedWithTheRule() {
        InvalidNameException slash = assertThrows(InvalidNameException.class,
                () -> platform().semaphore("a/b", OpenMode.CREATE, 0));
        assertTrue(slash.getMessage().contains("'/'"), slash.getMessage());
        assertThrows(InvalidNameException.class, () -> platform().semaphore("", OpenMode.CREATE, 0));
        assertThrows(InvalidNameException.class, () -> platform().semaphore(null, OpenMode.CREATE, 0));
        String tooLong = TestNames.PREFIX + "x".repeat(300);
        InvalidNameException longName = assertThrows(InvalidNameException.class,
                () -> platform().semaphore(tooLong, OpenMode.CREATE, 0));
        assertTrue(longName.getMessage().contains("at most"), longName.getMessage());
    }

    @Test
    void useAfterCloseThrowsAndCloseTwiceIsSafe() {
        Semaphore s = platform().semaphore(newName(), OpenMode.CREATE, 1);
        s.close();
        s.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, s::release);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, s::acquire);
        assertThrows(IllegalStateException.class, s::tryAcquire);
        assertThrows(IllegalStateException.class, () -> s.tryAcquire(Duration.ofMillis(1)));
        assertThrows(IllegalStateException.class, s::value);
        assertThrows(IllegalStateException.class, s::unlink);
    }

    @Test
    void closeEndsAWaitInAnotherThread() throws Exception {
        Semaphore s = platform().semaphore(newName(), OpenMode.CREATE, 0);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> s.tryAcquire(Duration.ofSeconds(30)));
        Thread.sleep(100);
        s.close();
        Throwable e = assertThrows(Exception.class, () -> waiter.get(5, TimeUnit.SECONDS)).getCause();
        assertTrue(e instanceof IllegalStateException, String.valueOf(e));
    }

    /** Parent and a child JVM take turns: the parent posts "ping", the child answers on "pong". */
    @Test
    void pingPongWithAChildProcess() {
        String ping = newName();
        String pong = newName();
        int rounds = 200;
        try (Semaphore p = platform().semaphore(ping, OpenMode.CREATE, 0);
             Semaphore q = platform().semaphore(pong, OpenMode.CREATE, 0);
             ChildJvm child = ChildJvm.start(SemaphorePingPongChild.class, ping, pong, Integer.toString(rounds))) {
            for (int i = 0; i < rounds; i++) {
                p.release();
                assertTrue(q.tryAcquire(Duration.ofSeconds(20)), "no pong in round " + i + "; child said:\n" + child.output());
            }
            child.assertSuccess(Duration.ofSeconds(30));
            assertEquals(0, valueOf(p));
            assertEquals(0, valueOf(q));
        }
    }
}
