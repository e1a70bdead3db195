package io.ffmipc.linux;

import io.ffmipc.core.PortablePlatform;
import io.ffmipc.IpcPlatform;
import io.ffmipc.LockResult;
import io.ffmipc.OpenMode;
import io.ffmipc.RobustMutex;
import io.ffmipc.contract.RobustMutexChild;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixProcessSeam;
import io.ffmipc.posix.PosixSystemV;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The robust mutex with the posix layer's fallback for an OS without {@code semtimedop} (macOS)
 * forced on Linux: each attempt of {@code SysVUndoSemaphoreSet.takeLock} polls {@code semop} with
 * {@code IPC_NOWAIT} until its slice ends. The full contract runs on the semtimedop path
 * ({@link LinuxRobustMutexTest}); this checks what the fallback changes — timed waits, a wait that
 * ends in a release, and a holder's death seen by a polling waiter in another process.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LinuxPolledRobustMutexTest {
    private static final IpcPlatform POLLED = new PortablePlatform(new LinuxSeams(new LinuxProvider().matrix(),
            PosixSystemV.pollingSemaphores(LibC.INSTANCE, new PosixProcessSeam(LibC.INSTANCE), new LinuxSysVLimits())));
    private final List<String> names = new ArrayList<>();

    private String newName() {
        String n = TestNames.unique("mutex");
        names.add(n);
        return n;
    }

    @AfterEach
    void removeCreated() {
        names.forEach(POLLED::removeMutex);
    }

    @Test
    void aTimedLockWaitsItsTimeoutAndThenGetsTheLockWhenItIsReleased() throws Exception {
        String name = newName();
        try (RobustMutex holder = POLLED.mutex(name, OpenMode.CREATE);
             RobustMutex waiter = POLLED.mutex(name, OpenMode.OPEN)) {
            CompletableFuture<Void> held = new CompletableFuture<>();
            CompletableFuture<Void> release = new CompletableFuture<>();
            Thread t = Thread.ofPlatform().start(() -> {
                assertEquals(LockResult.ACQUIRED, holder.lock());
                held.complete(null);
                release.join();
                holder.unlock();
            });
            held.get(20, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            assertEquals(LockResult.TIMED_OUT, waiter.tryLock(Duration.ofMillis(200)));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= 190_000_000L, "returned after only " + waited / 1_000_000 + " ms");
            assertEquals(LockResult.TIMED_OUT, waiter.tryLock(), "tryLock() does not wait");

            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> release.complete(null));
            assertEquals(LockResult.ACQUIRED, waiter.tryLock(Duration.ofSeconds(20)), "got it when released");
            waiter.unlock();
            t.join(5_000);
        }
    }

    /** A child takes the lock through semtimedop and is killed while this process polls for it. */
    @Test
    void aPollingWaiterIsToldWhenTheHolderInAnotherProcessDies() throws Exception {
        String name = newName();
        try (RobustMutex m = POLLED.mutex(name, OpenMode.CREATE);
             ChildJvm child = ChildJvm.start(RobustMutexChild.class, "hold", name)) {
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!child.output().contains("locked") && child.process().isAlive() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertTrue(child.output().contains("locked ACQUIRED"), child.output());
            CompletableFuture<LockResult> waited = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                LockResult r = m.tryLock(Duration.ofSeconds(30));
                if (r.acquired()) {
                    m.unlock(); // by the thread that holds it
                }
                waited.complete(r);
            });
            Thread.sleep(200);
            child.kill();
            assertEquals(LockResult.OWNER_DIED, waited.get(40, TimeUnit.SECONDS));
            waiter.join(5_000);
            assertEquals(LockResult.ACQUIRED, m.tryLock(), "a proper unlock clears the death");
            m.unlock();
        }
    }
}
