package io.ffmipc.windows;

import io.ffmipc.windows.ffi.WinError;

/**
 * One overlapped operation at a time (ReadFile, WriteFile or ConnectNamedPipe on a handle opened
 * with FILE_FLAG_OVERLAPPED) as a small state machine: what each Win32 answer means is decided here,
 * over {@link Calls}, so it is tested on any OS with scripted answers; the Windows side only makes
 * the calls.
 *
 * <pre>
 *  IDLE --begin--> PENDING --await (event set, result ready)--> DONE --consume--> IDLE
 *    \--begin (completed at once, or failed)------------------> DONE
 *  PENDING --cancel (CancelIoEx, then GetOverlappedResult(wait))--> DONE
 * </pre>
 *
 * <ul>
 *   <li>An operation that does not finish within a wait stays PENDING: its buffer and OVERLAPPED stay
 *       in use, and the next wait continues it. Only {@link #cancel} ends it early, and then the
 *       result still says whether it completed first (CancelIoEx finding nothing to cancel returns
 *       ERROR_NOT_FOUND, which is not an error here: the result decides).</li>
 *   <li>The byte count always comes from GetOverlappedResult, also when the call completed at once
 *       (Microsoft: for overlapped I/O the count pointer should be NULL).</li>
 *   <li>ERROR_MORE_DATA (a message longer than the buffer) completes the operation with the bytes
 *       that fit; the rest of the message stays in the pipe. It may come at once or after a wait.</li>
 *   <li>ERROR_PIPE_CONNECTED from ConnectNamedPipe is success: the client came before the call.</li>
 *   <li>ERROR_BROKEN_PIPE, ERROR_NO_DATA, ERROR_PIPE_NOT_CONNECTED and ERROR_HANDLE_EOF mean the peer
 *       has gone; ERROR_OPERATION_ABORTED that the operation was cancelled.</li>
 * </ul>
 * Not thread-safe: each direction of a connection has its own, used by one thread at a time.
 */
final class OverlappedIo {
    private static final int ERROR_HANDLE_EOF = WinError.code(WinError.ERROR_HANDLE_EOF);
    private static final int ERROR_BROKEN_PIPE = WinError.code(WinError.ERROR_BROKEN_PIPE);
    private static final int ERROR_NO_DATA = WinError.code(WinError.ERROR_NO_DATA);
    private static final int ERROR_PIPE_NOT_CONNECTED = WinError.code(WinError.ERROR_PIPE_NOT_CONNECTED);
    private static final int ERROR_MORE_DATA = WinError.code(WinError.ERROR_MORE_DATA);
    private static final int ERROR_PIPE_CONNECTED = WinError.code(WinError.ERROR_PIPE_CONNECTED);
    private static final int ERROR_OPERATION_ABORTED = WinError.code(WinError.ERROR_OPERATION_ABORTED);
    private static final int ERROR_IO_INCOMPLETE = WinError.code(WinError.ERROR_IO_INCOMPLETE);
    private static final int ERROR_IO_PENDING = WinError.code(WinError.ERROR_IO_PENDING);

    /** The Win32 calls of one operation on one handle, OVERLAPPED and event. */
    interface Calls {
        /** Starts the operation (ReadFile/WriteFile/ConnectNamedPipe with the OVERLAPPED): its BOOL result. */
        boolean start();

        /** The GetLastError code of the last call that failed. */
        int lastError();

        /** Waits at most {@code millis} for the operation's event: true if it is set. */
        boolean await(int millis);

        /** GetOverlappedResult, waiting for the end if {@code wait}: its BOOL result; then {@link #transferred()}. */
        boolean result(boolean wait);

        /** The byte count GetOverlappedResult gave. */
        long transferred();

        /** CancelIoEx for this operation (its result is ignored: GetOverlappedResult tells what happened). */
        void cancel();
    }

    enum State { IDLE, PENDING, DONE }

    /** How a finished operation ended. */
    enum Outcome {
        /** It did all it was asked ({@link #count()} bytes; a connect moves none). */
        COMPLETED,
        /** A read filled the buffer with part of a longer message; the rest is still in the pipe. */
        MORE_DATA,
        /** The other end has gone. */
        PEER_CLOSED,
        /** {@link #cancel} ended it before it completed. */
        CANCELLED,
        /** Any other error ({@link #error()}). */
        FAILED
    }

    private State state = State.IDLE;
    private Outcome outcome;
    private long count;
    private int error;

    /** What a Win32 error code ending an operation means; 0 is success. */
    static Outcome classify(int error) {
        if (error == 0 || error == ERROR_PIPE_CONNECTED) {
            return Outcome.COMPLETED;
        }
        if (error == ERROR_MORE_DATA) {
            return Outcome.MORE_DATA;
        }
        if (error == ERROR_BROKEN_PIPE || error == ERROR_NO_DATA || error == ERROR_PIPE_NOT_CONNECTED
                || error == ERROR_HANDLE_EOF) {
            return Outcome.PEER_CLOSED;
        }
        return error == ERROR_OPERATION_ABORTED ? Outcome.CANCELLED : Outcome.FAILED;
    }

    State state() {
        return state;
    }

    /** Starts the operation if none is under way (IDLE); returns the state it is in. */
    State begin(Calls calls) {
        if (state != State.IDLE) {
            return state;
        }
        if (calls.start()) {
            collect(calls, false);
            return state;
        }
        int e = calls.lastError();
        if (e == ERROR_IO_PENDING) {
            state = State.PENDING;
        } else if (e == ERROR_MORE_DATA) {
            collect(calls, false); // completed at once with the part that fits; the count is in the result
        } else {
            finish(classify(e), 0, e); // ERROR_PIPE_CONNECTED is a success that moved nothing
        }
        return state;
    }

    /**
     * Waits at most {@code millis} for a PENDING operation: true once it is DONE. A set event whose
     * result is not ready (ERROR_IO_INCOMPLETE) counts as not done yet.
     */
    boolean await(Calls calls, int millis) {
        if (state == State.DONE) {
            return true;
        }
        if (state == State.IDLE) {
            throw new IllegalStateException("no operation is under way");
        }
        if (!calls.await(millis)) {
            return false;
        }
        return collect(calls, false);
    }

    /**
     * Ends a PENDING operation: CancelIoEx, then GetOverlappedResult waiting for the end. The outcome
     * is CANCELLED, or what the operation did if it completed before the cancel reached it.
     */
    void cancel(Calls calls) {
        if (state != State.PENDING) {
            return;
        }
        calls.cancel();
        collect(calls, true);
    }

    private boolean collect(Calls calls, boolean wait) {
        boolean ok = calls.result(wait);
        int e = ok ? 0 : calls.lastError();
        if (e == ERROR_IO_INCOMPLETE) {
            state = State.PENDING;
            return false;
        }
        finish(classify(e), calls.transferred(), e);
        return true;
    }

    private void finish(Outcome o, long n, int e) {
        state = State.DONE;
        outcome = o;
        count = n;
        error = e;
    }

    /** How the DONE operation ended. */
    Outcome outcome() {
        requireDone();
        return outcome;
    }

    /** The bytes the DONE operation moved. */
    long count() {
        requireDone();
        return count;
    }

    /** The Win32 error that ended the DONE operation; 0 if it succeeded. */
    int error() {
        requireDone();
        return error;
    }

    /** Takes the DONE operation's result: the next {@link #begin} starts a new one. */
    void consume() {
        requireDone();
        state = State.IDLE;
        outcome = null;
    }

    private void requireDone() {
        if (state != State.DONE) {
            throw new IllegalStateException("the operation is " + state + ", not DONE");
        }
    }
}
