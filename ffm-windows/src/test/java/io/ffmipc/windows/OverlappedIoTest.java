package io.ffmipc.windows;

import io.ffmipc.windows.ffi.WinError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ffmipc.windows.OverlappedIo.Outcome;
import static io.ffmipc.windows.OverlappedIo.State;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overlapped-I/O state machine against scripted Win32 answers: every path the Wine checks saw
 * (pending then done, more data at once or later, completed before the cancel, cancelled, peer gone).
 */
class OverlappedIoTest {
    private static final int IO_PENDING = WinError.code(WinError.ERROR_IO_PENDING);
    private static final int MORE_DATA = WinError.code(WinError.ERROR_MORE_DATA);
    private static final int BROKEN_PIPE = WinError.code(WinError.ERROR_BROKEN_PIPE);
    private static final int NO_DATA = WinError.code(WinError.ERROR_NO_DATA);
    private static final int ABORTED = WinError.code(WinError.ERROR_OPERATION_ABORTED);
    private static final int INCOMPLETE = WinError.code(WinError.ERROR_IO_INCOMPLETE);
    private static final int PIPE_CONNECTED = WinError.code(WinError.ERROR_PIPE_CONNECTED);
    private static final int ACCESS_DENIED = WinError.code(WinError.ERROR_ACCESS_DENIED);

    /** Answers from a script; records the calls made. */
    private static final class Script implements OverlappedIo.Calls {
        boolean startOk;
        int startError;
        final List<Boolean> events = new ArrayList<>();
        final List<long[]> results = new ArrayList<>(); // {ok 1/0, error, count}
        final List<String> calls = new ArrayList<>();
        private int error;
        private long count;

        @Override
        public boolean start() {
            calls.add("start");
            error = startError;
            return startOk;
        }

        @Override
        public int lastError() {
            return error;
        }

        @Override
        public boolean await(int millis) {
            calls.add("await " + millis);
            return events.remove(0);
        }

        @Override
        public boolean result(boolean wait) {
            calls.add("result " + wait);
            long[] r = results.remove(0);
            error = (int) r[1];
            count = r[2];
            return r[0] == 1;
        }

        @Override
        public long transferred() {
            return count;
        }

        @Override
        public void cancel() {
            calls.add("cancel");
        }
    }

    private static long[] ok(long count) {
        return new long[] {1, 0, count};
    }

    private static long[] failed(int error, long count) {
        return new long[] {0, error, count};
    }

    @Test
    void completedAtOnceTakesItsCountFromTheResult() {
        Script s = new Script();
        s.startOk = true;
        s.results.add(ok(42));
        OverlappedIo io = new OverlappedIo();
        assertEquals(State.DONE, io.begin(s));
        assertEquals(Outcome.COMPLETED, io.outcome());
        assertEquals(42, io.count());
        assertEquals(List.of("start", "result false"), s.calls);
        io.consume();
        assertEquals(State.IDLE, io.state());
    }

    @Test
    void pendingStaysPendingAcrossTimedOutWaitsAndFinishesLater() {
        Script s = new Script();
        s.startError = IO_PENDING;
        s.events.add(false);
        s.events.add(true);
        s.results.add(ok(7));
        OverlappedIo io = new OverlappedIo();
        assertEquals(State.PENDING, io.begin(s));
        assertFalse(io.await(s, 50));
        assertEquals(State.PENDING, io.begin(s), "a new begin does not start a second operation");
        assertTrue(io.await(s, 50));
        assertEquals(Outcome.COMPLETED, io.outcome());
        assertEquals(7, io.count());
        assertEquals(List.of("start", "await 50", "await 50", "result false"), s.calls);
    }

    /** An event set by something else: the result says the operation is not complete yet. */
    @Test
    void aSetEventWithoutAResultIsNotDone() {
        Script s = new Script();
        s.startError = IO_PENDING;
        s.events.add(true);
        s.results.add(failed(INCOMPLETE, 0));
        OverlappedIo io = new OverlappedIo();
        io.begin(s);
        assertFalse(io.await(s, 10));
        assertEquals(State.PENDING, io.state());
    }

    @Test
    void moreDataAtOnceOrAfterAWaitCompletesWithWhatFits() {
        Script now = new Script();
        now.startError = MORE_DATA;
        now.results.add(failed(MORE_DATA, 40));
        OverlappedIo a = new OverlappedIo();
        assertEquals(State.DONE, a.begin(now));
        assertEquals(Outcome.MORE_DATA, a.outcome());
        assertEquals(40, a.count(), "the count of a short read comes from GetOverlappedResult");

        Script later = new Script();
        later.startError = IO_PENDING;
        later.events.add(true);
        later.results.add(failed(MORE_DATA, 40));
        OverlappedIo b = new OverlappedIo();
        b.begin(later);
        assertTrue(b.await(later, 10));
        assertEquals(Outcome.MORE_DATA, b.outcome());
        assertEquals(40, b.count());
    }

    @Test
    void aCancelThatCameTooLateKeepsWhatTheOperationDid() {
        Script s = new Script();
        s.startError = IO_PENDING;
        s.results.add(ok(9)); // CancelIoEx found nothing: GetOverlappedResult(TRUE) reports the completion
        OverlappedIo io = new OverlappedIo();
        io.begin(s);
        io.cancel(s);
        assertEquals(Outcome.COMPLETED, io.outcome());
        assertEquals(9, io.count());
        assertEquals(List.of("start", "cancel", "result true"), s.calls);
    }

    @Test
    void aCancelledOperationSaysSoAndCancelOfNothingPendingDoesNothing() {
        Script s = new Script();
        s.startError = IO_PENDING;
        s.results.add(failed(ABORTED, 0));
        OverlappedIo io = new OverlappedIo();
        io.cancel(s);
        assertEquals(List.of(), s.calls, "nothing under way: no CancelIoEx");
        io.begin(s);
        io.cancel(s);
        assertEquals(Outcome.CANCELLED, io.outcome());
        io.cancel(s);
        assertEquals(List.of("start", "cancel", "result true"), s.calls, "done: no second cancel");
    }

    @Test
    void aConnectWhoseClientCameFirstIsDone() {
        Script s = new Script();
        s.startError = PIPE_CONNECTED;
        OverlappedIo io = new OverlappedIo();
        assertEquals(State.DONE, io.begin(s));
        assertEquals(Outcome.COMPLETED, io.outcome());
        assertEquals(0, io.count());
    }

    @Test
    void aGonePeerAndOtherErrorsAreTold() {
        for (int e : new int[] {BROKEN_PIPE, NO_DATA}) {
            Script s = new Script();
            s.startError = e;
            OverlappedIo io = new OverlappedIo();
            io.begin(s);
            assertEquals(Outcome.PEER_CLOSED, io.outcome());
            assertEquals(e, io.error());
        }
        Script later = new Script();
        later.startError = IO_PENDING;
        later.events.add(true);
        later.results.add(failed(BROKEN_PIPE, 0));
        OverlappedIo io = new OverlappedIo();
        io.begin(later);
        io.await(later, 1);
        assertEquals(Outcome.PEER_CLOSED, io.outcome());

        Script denied = new Script();
        denied.startError = ACCESS_DENIED;
        OverlappedIo d = new OverlappedIo();
        d.begin(denied);
        assertEquals(Outcome.FAILED, d.outcome());
        assertEquals(ACCESS_DENIED, d.error());
    }

    @Test
    void resultsAreReadOnlyWhenDone() {
        OverlappedIo io = new OverlappedIo();
        assertThrows(IllegalStateException.class, io::outcome);
        assertThrows(IllegalStateException.class, io::consume);
        assertThrows(IllegalStateException.class, () -> io.await(new Script(), 1));
    }
}
