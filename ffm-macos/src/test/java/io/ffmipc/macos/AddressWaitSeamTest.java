package io.ffmipc.macos;

import io.ffmipc.IpcException;
import io.ffmipc.macos.ffi.FakeLibSystem;
import io.ffmipc.macos.ffi.MacosLinker;
import io.ffmipc.macos.ffi.MacosPosix;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.testkit.ArenaSharedMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules every macOS address wait shares (os_sync, ulock), over a primitive that answers what the
 * test says in the kernel's convention with macOS errno values: results become attempt codes, counted
 * wakes wake one at a time, closed words and memory are refused.
 */
class AddressWaitSeamTest {
    private static final int ETIMEDOUT = 60;
    private static final int EINTR = 4;
    private static final int EFAULT = 14;
    private static final int ENOENT = 2;
    private static final int EINVAL = 22;

    private final FakeLibSystem fake = new FakeLibSystem();
    private final MacosPosix lib = new MacosPosix(new MacosLinker(fake, FakeLibSystem.TARGET));
    private final Scripted primitive = new Scripted();
    private final AddressWaitSeam seam = new AddressWaitSeam(primitive, lib);

    @AfterEach
    void close() {
        fake.close();
    }

    /** Answers from a script; records the calls. */
    private static final class Scripted implements AddressWait {
        final Deque<Integer> answers = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "scripted_wait";
        }

        @Override
        public int await(MemorySegment word, int expected, long nanos) {
            calls.add("await " + word.address() + " " + expected + " " + nanos);
            return answers.removeFirst();
        }

        @Override
        public int wakeOne(MemorySegment word) {
            calls.add("one");
            return answers.removeFirst();
        }

        @Override
        public int wakeAll(MemorySegment word) {
            calls.add("all");
            return answers.removeFirst();
        }
    }

    @Test
    void resultsBecomeAttemptCodesAndAnyOtherErrorIsTypedNamingThePrimitive() {
        try (ArenaSharedMemory shm = new ArenaSharedMemory("m", 64); SharedWord w = seam.word(shm, 16)) {
            primitive.answers.addAll(List.of(0, 2, -ETIMEDOUT, -EINTR, -EFAULT, -EINVAL));
            assertEquals(Attempt.DONE, w.await(-1, 5_000));
            assertEquals("await " + (shm.segment().address() + 16) + " -1 5000", primitive.calls.getFirst());
            assertEquals(Attempt.DONE, w.await(0, 0), "a wake returning how many wait still is DONE");
            assertTrue(primitive.calls.get(1).endsWith(" 1"), "a zero timeout would be EINVAL: at least 1 ns");
            assertEquals(Attempt.TIMED_OUT, w.await(0, 1));
            assertEquals(Attempt.INTERRUPTED, w.await(0, 1));
            assertEquals(Attempt.DONE, w.await(0, 1), "EFAULT: the caller re-reads the word");
            IpcException e = assertThrows(IpcException.class, () -> w.await(0, 1));
            assertTrue(e.getMessage().contains("scripted_wait") && e.getMessage().contains("EINVAL")
                    && e.getMessage().contains("offset 16"), e.getMessage());
        }
    }

    @Test
    void aCountedWakeWakesOneAtATimeUntilNoneIsParked() {
        try (ArenaSharedMemory shm = new ArenaSharedMemory("m", 64); SharedWord w = seam.word(shm, 0)) {
            primitive.answers.addAll(List.of(0, 0, -ENOENT));
            assertEquals(2, w.wake(5));
            assertEquals(List.of("one", "one", "one"), primitive.calls);
            primitive.answers.addAll(List.of(0, -ENOENT, -ENOENT));
            assertEquals(1, w.wakeAll(), "wake-all reports at least one");
            assertEquals(0, w.wakeAll());
            assertEquals(0, w.wake(1));
            assertThrows(IllegalArgumentException.class, () -> w.wake(0));
        }
    }

    @Test
    void closedWordsAndMemoryAreRefusedBeforeTheKernelIsAsked() {
        ArenaSharedMemory shm = new ArenaSharedMemory("m", 64);
        SharedWord w = seam.word(shm, 0);
        w.close();
        assertThrows(IllegalStateException.class, () -> w.await(0, 1));
        SharedWord v = seam.word(shm, 4);
        shm.close();
        assertThrows(IllegalStateException.class, () -> v.wake(1));
        assertThrows(IllegalStateException.class, () -> seam.word(shm, 0));
        assertTrue(primitive.calls.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> seam.word(new ArenaSharedMemory("n", 8), 6));
    }

    @Test
    void theChoiceIsOsSyncWhereFoundElseTheOptedInUlockElsePolling() {
        assertEquals(MacosWaits.Primitive.OS_SYNC, MacosWaits.choose(true, true, true));
        assertEquals(MacosWaits.Primitive.OS_SYNC, MacosWaits.choose(true, false, false));
        assertEquals(MacosWaits.Primitive.ULOCK, MacosWaits.choose(false, true, true));
        assertEquals(MacosWaits.Primitive.POLLING, MacosWaits.choose(false, true, false), "opted in, not found");
        assertEquals(MacosWaits.Primitive.POLLING, MacosWaits.choose(false, false, true), "found, not opted in");
        assertTrue(MacosWaits.optedIn("true") && MacosWaits.optedIn(" TRUE "));
        assertTrue(!MacosWaits.optedIn(null) && !MacosWaits.optedIn("yes") && !MacosWaits.optedIn(""));
    }

    /** At activation: symbols looked up, never assumed; the matrix follows what is in force. */
    @Test
    void whatIsInForceFollowsTheSymbolsFound() {
        MacosLinker none = new MacosLinker(name -> java.util.Optional.empty(), FakeLibSystem.TARGET);
        MacosWaits.InForce polled = MacosWaits.inForce(none, lib, "true");
        assertEquals(MacosWaits.Primitive.POLLING, polled.primitive());
        assertTrue(polled.seam().isEmpty(), "no seam: the core polls");
        MacosLinker all = new MacosLinker(fake, FakeLibSystem.TARGET); // every declared symbol, ulock included
        assertEquals(MacosWaits.Primitive.OS_SYNC, MacosWaits.inForce(all, lib, "true").primitive());
        MacosLinker old = new MacosLinker(name -> name.startsWith("os_sync") ? java.util.Optional.empty()
                : fake.find(name), FakeLibSystem.TARGET);
        assertEquals(MacosWaits.Primitive.ULOCK, MacosWaits.inForce(old, lib, "true").primitive());
        assertEquals(MacosWaits.Primitive.POLLING, MacosWaits.inForce(old, lib, null).primitive());
        assertEquals(MacosMatrix.of(MacosWaits.Primitive.ULOCK).get(io.ffmipc.Capability.EVENT).toString().contains(
                "__ulock"), true);
    }
}
