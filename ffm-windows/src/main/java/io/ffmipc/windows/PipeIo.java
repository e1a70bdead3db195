package io.ffmipc.windows;

import io.ffmipc.PeerClosedException;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One direction of a pipe handle opened with FILE_FLAG_OVERLAPPED: its OVERLAPPED, its manual-reset
 * event and the {@link OverlappedIo} state machine, with the Win32 calls the machine asks for. The
 * OVERLAPPED and the buffer of an operation must stay valid until it ends, so they live in the
 * connection's arena, and {@link #close} cancels (and waits for) whatever is still under way before
 * that arena goes. Nothing is allocated per operation.
 */
final class PipeIo {
    enum Op { READ, WRITE, CONNECT }

    private static final long H_EVENT = Kernel32Abi.OVERLAPPED.offset("hEvent");

    private MemorySegment pipe;
    private final String label;
    private final MemorySegment overlapped;
    private final MemorySegment event;
    private final MemorySegment transferred;
    private final OverlappedIo io = new OverlappedIo();
    private final Calls calls = new Calls();
    private Op op;
    private MemorySegment buffer = MemorySegment.NULL;
    private int length;
    private long taken;
    private int lastError;

    PipeIo(MemorySegment pipe, String label, Arena arena) {
        this.pipe = pipe;
        this.label = label;
        MemorySegment st = NativeBinder.callState();
        this.event = Kernel32.createEventW(st, MemorySegment.NULL, Win32.TRUE, Win32.FALSE, MemorySegment.NULL);
        if (Win32.failed(event)) {
            throw Win32.error("CreateEventW", label, st, "the event of an overlapped operation");
        }
        this.overlapped = arena.allocate(Kernel32Abi.OVERLAPPED.layout());
        this.transferred = arena.allocate(ValueLayout.JAVA_INT);
    }

    /** Points this idle machine at another handle (a listener's next instance), keeping its event and OVERLAPPED. */
    void retarget(MemorySegment other) {
        if (io.state() != OverlappedIo.State.IDLE) {
            throw new IllegalStateException("an operation is under way on " + label);
        }
        pipe = other;
    }

    /** Starts {@code what} on {@code length} bytes of {@code buf} unless an operation is under way; its state. */
    OverlappedIo.State begin(Op what, MemorySegment buf, int len) {
        if (io.state() == OverlappedIo.State.IDLE) {
            op = what;
            buffer = buf;
            length = len;
        }
        return io.begin(calls);
    }

    /** Waits at most {@code millis} for the operation under way: true once it is done. */
    boolean await(int millis) {
        return io.await(calls, millis);
    }

    OverlappedIo io() {
        return io;
    }

    /** What is under way: the operation begun last, until its result is consumed. */
    Op op() {
        return op;
    }

    /**
     * Takes the DONE operation's result, so the next {@link #begin} starts a new one: its outcome (the
     * count is {@link #taken()}); a failure is thrown as the typed error of {@code call}.
     */
    OverlappedIo.Outcome take(String call) {
        OverlappedIo.Outcome o = io.outcome();
        taken = io.count();
        int error = io.error();
        io.consume();
        if (o == OverlappedIo.Outcome.FAILED) {
            throw WinError.exception(call, label, error, null);
        }
        lastError = error;
        return o;
    }

    /** The byte count of the result {@link #take} took. */
    long taken() {
        return taken;
    }

    /**
     * Waits at most {@code millis} for the write under way (if any) and takes its result: false if it
     * is still under way (no room yet); a gone reader is {@link PeerClosedException} saying {@code peerGone}.
     */
    boolean writeDone(int millis, String peerGone) {
        if (io.state() == OverlappedIo.State.IDLE) {
            return true;
        }
        if (!await(millis)) {
            return false;
        }
        if (take("WriteFile") == OverlappedIo.Outcome.PEER_CLOSED) {
            throw new PeerClosedException("write", label, WinError.osError(lastError), peerGone);
        }
        return true;
    }

    /** Cancels what is under way and waits until the system is done with the OVERLAPPED and the buffer. */
    void cancel() {
        io.cancel(calls);
    }

    /** Cancels what is under way, then closes the event. */
    void close() {
        cancel();
        Win32.closeQuietly(event);
    }

    /** The Win32 calls the state machine asks for, on this pipe, OVERLAPPED and event. */
    private final class Calls implements OverlappedIo.Calls {
        private int error;

        @Override
        public boolean start() {
            overlapped.fill((byte) 0); // Internal, InternalHigh and the offsets start at 0 for every operation
            overlapped.set(ValueLayout.ADDRESS, H_EVENT, event);
            MemorySegment st = NativeBinder.callState();
            int ok = switch (op) {
                case READ -> Kernel32.readFile(st, pipe, buffer, length, MemorySegment.NULL, overlapped);
                case WRITE -> Kernel32.writeFile(st, pipe, buffer, length, MemorySegment.NULL, overlapped);
                case CONNECT -> {
                    // ReadFile and WriteFile reset the event as they begin; ConnectNamedPipe is not documented to
                    Kernel32.resetEvent(st, event);
                    yield Kernel32.connectNamedPipe(st, pipe, overlapped);
                }
            };
            error = ok != 0 ? 0 : Win32.lastError(st);
            return ok != 0;
        }

        @Override
        public int lastError() {
            return error;
        }

        @Override
        public boolean await(int millis) {
            return Win32.signalled(event, millis, label);
        }

        @Override
        public boolean result(boolean wait) {
            MemorySegment st = NativeBinder.callState();
            transferred.set(ValueLayout.JAVA_INT, 0, 0);
            int ok = Kernel32.getOverlappedResult(st, pipe, overlapped, transferred, wait ? Win32.TRUE : Win32.FALSE);
            error = ok != 0 ? 0 : Win32.lastError(st);
            return ok != 0;
        }

        @Override
        public long transferred() {
            return Integer.toUnsignedLong(transferred.get(ValueLayout.JAVA_INT, 0));
        }

        @Override
        public void cancel() {
            Kernel32.cancelIoEx(NativeBinder.callState(), pipe, overlapped);
        }
    }
}
