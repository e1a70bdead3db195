package io.ffmipc.windows;

import io.ffmipc.Capability;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.PassedHandle;
import io.ffmipc.PeerIdentity;
import io.ffmipc.Permissions;
import io.ffmipc.UnsupportedCapabilityException;
import io.ffmipc.core.PipeFrames;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.MessagePipeSeam;
import io.ffmipc.spi.NativeMessagePipe;
import io.ffmipc.spi.NativePipeListener;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Message pipes on Windows: duplex message-mode named pipes in {@code \\.\pipe\}, where the system
 * keeps message boundaries; every frame ({@link PipeFrames}: the kind byte, then the payload) is one
 * message.
 *
 * <p><b>Secure defaults.</b> The server's first instance is created with FILE_FLAG_FIRST_PIPE_INSTANCE
 * (if anyone has the name, the create fails: nobody can plant a pipe the server would join), with
 * PIPE_REJECT_REMOTE_CLIENTS, and with a DACL that grants the current user's SID only, from the token.
 * The listener always keeps one instance listening, so the name never lapses while the server is open.
 * A client opens with SECURITY_IDENTIFICATION (a server may learn who it is, not act as it) and
 * refuses a pipe whose owner is another user — a server somebody else planted under the name before
 * ours started; the server refuses a client whose token user is not this user (the DACL should
 * already keep them out; this also holds where a DACL is not enforced).
 *
 * <p><b>Peer identity</b>: the other process's id from GetNamedPipeClientProcessId /
 * GetNamedPipeServerProcessId; uid and gid are -1 (Windows has none: the user is checked as above).
 *
 * <p><b>Handles</b> travel as a HANDLE frame whose payload is the handle's value in the receiver:
 * the sender duplicates it into the peer process (DuplicateHandle, the peer's pid from the pipe).
 * A handle sent but never taken stays open in the receiver until it exits.
 *
 * <p>Every wait is overlapped I/O, a slice at a time ({@link PipeIo}): a receive keeps its read under
 * way into the next slice, so nothing is lost to a cancel; a send is committed once the system holds
 * the whole message, and the next send (or {@link NativeMessagePipe#flush}) waits for it.
 */
final class WindowsMessagePipeSeam implements MessagePipeSeam {
    /** The largest payload: 64 KiB, so a frame (with its kind byte) fits the pipe's buffers. */
    static final int MAX_MESSAGE = 64 * 1024;
    private static final int FRAME = MAX_MESSAGE + PipeFrames.HEADER_SIZE;
    private static final int HANDLE_PAYLOAD = 8;
    private static final int ERROR_FILE_NOT_FOUND = WinError.code(WinError.ERROR_FILE_NOT_FOUND);
    private static final int ERROR_PIPE_BUSY = WinError.code(WinError.ERROR_PIPE_BUSY);
    private static final int ERROR_ACCESS_DENIED = WinError.code(WinError.ERROR_ACCESS_DENIED);
    private static final String PEER_GONE = "the peer closed the pipe";

    private final Security security;
    private final ProcessSeam processes;

    WindowsMessagePipeSeam(Security security, ProcessSeam processes) {
        this.security = security;
        this.processes = processes;
    }

    @Override
    public NativePipeListener listen(String name, Permissions permissions) {
        String path = WindowsNames.messagePipe(name);
        MemorySegment first = instance(path, name, true);
        return new Listener(name, path, first);
    }

    /** Windows pipes are named in {@code \\.\pipe\}: this provider makes no socket files. */
    @Override
    public NativePipeListener listen(Path socketPath, Permissions permissions) {
        throw socketFiles();
    }

    @Override
    public NativeMessagePipe tryConnect(Path socketPath) {
        throw socketFiles();
    }

    private static UnsupportedCapabilityException socketFiles() {
        return new UnsupportedCapabilityException(Capability.MESSAGE_PIPE, "Windows", "message pipes at socket files:"
                + " Windows named pipes live in \\\\.\\pipe\\; give the server a portable name instead");
    }

    /** One server instance of the pipe, owner-only; the first one refuses a name that exists. */
    private MemorySegment instance(String path, String name, boolean first) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int open = Kernel32Abi.PIPE_ACCESS_DUPLEX.intValue() | Kernel32Abi.FILE_FLAG_OVERLAPPED.intValue()
                    | (first ? Kernel32Abi.FILE_FLAG_FIRST_PIPE_INSTANCE.intValue() : 0);
            int mode = Kernel32Abi.PIPE_TYPE_MESSAGE.intValue() | Kernel32Abi.PIPE_READMODE_MESSAGE.intValue()
                    | Kernel32Abi.PIPE_WAIT.intValue() | Kernel32Abi.PIPE_REJECT_REMOTE_CLIENTS.intValue();
            MemorySegment pipe = Kernel32.createNamedPipeW(st, Win32.wide(a, path), open, mode,
                    Kernel32Abi.PIPE_UNLIMITED_INSTANCES.intValue(), FRAME, FRAME, 0,
                    security.attributes(a, Permissions.OWNER_ONLY));
            if (Win32.failed(pipe)) {
                int e = Win32.lastError(st);
                if (first && e == ERROR_ACCESS_DENIED) { // what FILE_FLAG_FIRST_PIPE_INSTANCE says when the name is taken
                    throw new IpcObjectExistsException("listen", name, WinError.osError(e),
                            "a server (of this library or another program) has the pipe " + path);
                }
                throw WinError.exception("CreateNamedPipeW", name, e, null);
            }
            return pipe;
        }
    }

    @Override
    public NativeMessagePipe tryConnect(String name) {
        String path = WindowsNames.messagePipe(name);
        MemorySegment pipe;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int access = Kernel32Abi.GENERIC_READ.intValue() | Kernel32Abi.GENERIC_WRITE.intValue()
                    | Kernel32Abi.READ_CONTROL.intValue();
            int flags = Kernel32Abi.FILE_FLAG_OVERLAPPED.intValue() | Kernel32Abi.SECURITY_SQOS_PRESENT.intValue()
                    | Kernel32Abi.SECURITY_IDENTIFICATION.intValue();
            pipe = Kernel32.createFileW(st, Win32.wide(a, path), access, 0, MemorySegment.NULL,
                    Kernel32Abi.OPEN_EXISTING.intValue(), flags, MemorySegment.NULL);
            if (Win32.failed(pipe)) {
                int e = Win32.lastError(st);
                if (e == ERROR_FILE_NOT_FOUND) {
                    throw new NoSuchIpcObjectException("connect", name, WinError.osError(e),
                            "no server is listening on '" + name + "'");
                }
                if (e == ERROR_PIPE_BUSY) {
                    return null; // every instance is taken: the server makes another as it accepts
                }
                throw WinError.exception("CreateFileW", name, e, "connecting to " + path);
            }
            try {
                // A client end opens in byte read mode: messages are read whole only in message mode.
                MemorySegment mode = a.allocateFrom(ValueLayout.JAVA_INT, Kernel32Abi.PIPE_READMODE_MESSAGE.intValue());
                if (Kernel32.setNamedPipeHandleState(st, pipe, mode, MemorySegment.NULL, MemorySegment.NULL) == 0) {
                    throw Win32.error("SetNamedPipeHandleState", name, st, "switching to message read mode");
                }
                MemorySegment flagsOut = a.allocate(ValueLayout.JAVA_INT);
                if (Kernel32.getNamedPipeInfo(st, pipe, flagsOut, MemorySegment.NULL, MemorySegment.NULL,
                        MemorySegment.NULL) == 0) {
                    throw Win32.error("GetNamedPipeInfo", name, st);
                }
                if ((flagsOut.get(ValueLayout.JAVA_INT, 0) & Kernel32Abi.PIPE_TYPE_MESSAGE.intValue()) == 0) {
                    throw new IpcException("connect", name, null, path + " is a byte-mode pipe, not a message pipe");
                }
                ObjectOwner owner = Security.ownerOf(pipe, Security.KERNEL_OBJECT, name);
                if (!processes.currentUser().sameUser(owner)) {
                    throw new IpcAccessDeniedException("connect", name, null, "the pipe belongs to "
                            + (owner == null ? "nobody Windows can name" : processes.describe(owner)) + ", not to this process's user ("
                            + processes.describe(processes.currentUser()) + "): another user may have created the name"
                            + " first to read what this process sends");
                }
                MemorySegment pid = a.allocate(ValueLayout.JAVA_INT);
                if (Kernel32.getNamedPipeServerProcessId(st, pipe, pid) == 0) {
                    throw Win32.error("GetNamedPipeServerProcessId", name, st);
                }
                return new Connection(name, pipe, Integer.toUnsignedLong(pid.get(ValueLayout.JAVA_INT, 0)));
            } catch (RuntimeException e) {
                Win32.closeQuietly(pipe);
                throw e;
            }
        }
    }

    /** A listening server: one instance waits for a client at a time; another is made as one is taken. */
    private final class Listener implements NativePipeListener {
        private final String name;
        private final String path;
        private final Arena arena = Arena.ofShared();
        private MemorySegment listening;
        private final PipeIo connect;

        Listener(String name, String path, MemorySegment first) {
            this.name = name;
            this.path = path;
            this.listening = first;
            this.connect = new PipeIo(first, name, arena);
        }

        @Override
        public String name() {
            return name;
        }

        /** One thread at a time: the listening instance and its OVERLAPPED are the listener's. */
        @Override
        public synchronized NativeMessagePipe accept(long nanos) {
            if (listening == null) { // the last accept could not make the next instance: try again now
                listening = instance(path, name, false);
                connect.retarget(listening);
            }
            if (connect.begin(PipeIo.Op.CONNECT, MemorySegment.NULL, 0) == OverlappedIo.State.PENDING
                    && !connect.await(EventCounter.millisRoundedUp(nanos))) {
                return null;
            }
            OverlappedIo.Outcome o = connect.take("ConnectNamedPipe");
            if (o == OverlappedIo.Outcome.PEER_CLOSED) {
                Kernel32.disconnectNamedPipe(NativeBinder.callState(), listening); // a client that came and went
                return null;
            }
            if (o == OverlappedIo.Outcome.CANCELLED) {
                return null;
            }
            MemorySegment client = listening;
            listening = null;
            try {
                listening = instance(path, name, false); // the name stays taken while the client is served
                connect.retarget(listening);
            } catch (IpcException e) {
                listening = null; // retried at the next accept; this client is served anyway
            }
            return admitted(client);
        }

        /** The connected instance as a connection, if its client is this user; null (and closed) if not. */
        private NativeMessagePipe admitted(MemorySegment client) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment st = NativeBinder.callState();
                MemorySegment pid = a.allocate(ValueLayout.JAVA_INT);
                if (Kernel32.getNamedPipeClientProcessId(st, client, pid) == 0) {
                    throw Win32.error("GetNamedPipeClientProcessId", name, st);
                }
                long clientPid = Integer.toUnsignedLong(pid.get(ValueLayout.JAVA_INT, 0));
                String user = Security.userOfProcess(clientPid);
                if (user != null && !user.equals(security.userSid())) {
                    Win32.closeQuietly(client); // another user: the DACL should have kept it out
                    return null;
                }
                return new Connection(name, client, clientPid);
            } catch (RuntimeException e) {
                Win32.closeQuietly(client);
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                connect.close();
            } finally {
                Win32.closeQuietly(listening);
                arena.close();
            }
        }
    }

    /** One end of a connected pipe, client or server alike. */
    private static final class Connection implements NativeMessagePipe {
        private final String name;
        private final MemorySegment pipe;
        private final PeerIdentity peer;
        private final Arena arena = Arena.ofShared();
        private final PipeIo reader;
        private final PipeIo writer;
        private MemorySegment in;
        private final MemorySegment out;
        private long frameLength = -1;
        private boolean ended;
        private int sending;
        private MemorySegment peerProcess;
        private final AtomicBoolean closed = new AtomicBoolean();

        Connection(String name, MemorySegment pipe, long peerPid) {
            this.name = name;
            this.pipe = pipe;
            this.peer = new PeerIdentity(peerPid, -1, -1);
            this.reader = new PipeIo(pipe, name, arena);
            this.writer = new PipeIo(pipe, name, arena);
            this.in = arena.allocate(FRAME);
            this.out = arena.allocate(FRAME);
        }

        @Override
        public PeerIdentity peer() {
            return peer;
        }

        @Override
        public int maxMessageSize() {
            return MAX_MESSAGE;
        }

        @Override
        public int send(byte kind, MemorySegment payload, long length, long handle, long nanos) {
            long start = System.nanoTime();
            if (!writer.writeDone(EventCounter.millisRoundedUp(nanos), PEER_GONE)) {
                return Attempt.TIMED_OUT; // the frame sent before is not taken yet
            }
            out.set(ValueLayout.JAVA_BYTE, 0, kind);
            int size;
            if (handle >= 0) {
                out.set(ValueLayout.JAVA_LONG_UNALIGNED, 1, duplicateIntoPeer(handle));
                size = 1 + HANDLE_PAYLOAD;
            } else {
                if (length > 0) {
                    MemorySegment.copy(payload, 0, out, 1, length);
                }
                size = 1 + (int) length;
            }
            sending = size;
            writer.begin(PipeIo.Op.WRITE, out, size);
            writer.writeDone(EventCounter.millisRoundedUp(nanos - (System.nanoTime() - start)), PEER_GONE);
            return Attempt.DONE; // the system holds the whole message (or has delivered it)
        }

        @Override
        public long flush(long nanos) {
            // a message is all or nothing: while its write is under way it is all still there
            return writer.writeDone(EventCounter.millisRoundedUp(nanos), PEER_GONE) ? 0 : sending;
        }

        /** A copy of {@code handle} in the peer's process: its value there. */
        private long duplicateIntoPeer(long handle) {
            MemorySegment st = NativeBinder.callState();
            if (peerProcess == null) {
                MemorySegment p = Kernel32.openProcess(st, Kernel32Abi.PROCESS_DUP_HANDLE.intValue(), Win32.FALSE,
                        (int) peer.pid());
                if (Win32.failed(p)) {
                    throw Win32.error("OpenProcess", name, st, "opening the peer (pid " + peer.pid() + ") to hand it a handle");
                }
                peerProcess = p;
            }
            try (Arena a = Arena.ofConfined()) {
                MemorySegment copy = a.allocate(ValueLayout.ADDRESS);
                if (Kernel32.duplicateHandle(st, Kernel32.getCurrentProcess(), Win32.handle(handle), peerProcess, copy, 0,
                        Win32.FALSE, Win32.DUPLICATE_SAME_ACCESS) == 0) {
                    throw Win32.error("DuplicateHandle", name, st, "copying handle " + handle + " into the peer (pid "
                            + peer.pid() + ")");
                }
                return copy.get(ValueLayout.ADDRESS, 0).address();
            }
        }

        @Override
        public long peek(long nanos) {
            if (frameLength >= 0) {
                return payloadLength();
            }
            if (ended) {
                return END_OF_STREAM;
            }
            if (reader.begin(PipeIo.Op.READ, in, (int) in.byteSize()) == OverlappedIo.State.PENDING
                    && !reader.await(EventCounter.millisRoundedUp(nanos))) {
                return Attempt.TIMED_OUT;
            }
            switch (reader.take("ReadFile")) {
                case COMPLETED -> frameLength = reader.taken();
                case MORE_DATA -> frameLength = rest(reader.taken()); // a peer with a larger limit: the message stays whole
                case PEER_CLOSED -> {
                    ended = true;
                    return END_OF_STREAM;
                }
                default -> {
                    return Attempt.INTERRUPTED; // cancelled
                }
            }
            return payloadLength();
        }

        /** The payload of the frame read, as the portable layer counts it (a handle frame carries none of its own). */
        private long payloadLength() {
            if (frameLength == 0) {
                return 0; // an empty message: no kind byte, read as kind 0 (no frame of this library)
            }
            return peekedKind() == PipeFrames.HANDLE ? 0 : frameLength - PipeFrames.HEADER_SIZE;
        }

        /**
         * A message longer than the receive buffer (ERROR_MORE_DATA after {@code got} bytes): PeekNamedPipe
         * says how much is left of it; a larger buffer takes the rest, which is there already.
         */
        private long rest(long got) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment st = NativeBinder.callState();
                MemorySegment left = a.allocate(ValueLayout.JAVA_INT);
                if (Kernel32.peekNamedPipe(st, pipe, MemorySegment.NULL, 0, MemorySegment.NULL, MemorySegment.NULL,
                        left) == 0) {
                    throw Win32.error("PeekNamedPipe", name, st, "reading the size of a long message");
                }
                long rest = Integer.toUnsignedLong(left.get(ValueLayout.JAVA_INT, 0));
                MemorySegment larger = arena.allocate(got + rest);
                MemorySegment.copy(in, 0, larger, 0, got);
                in = larger;
                MemorySegment tail = larger.asSlice(got);
                while (true) {
                    OverlappedIo.State s = reader.begin(PipeIo.Op.READ, tail, (int) rest);
                    if (s == OverlappedIo.State.DONE || reader.await(1000)) {
                        break;
                    }
                }
                long n = reader.take("ReadFile") == OverlappedIo.Outcome.COMPLETED ? reader.taken() : -1;
                if (n != rest) {
                    throw new IpcException("receive", name, null, "reading the rest of a " + (got + rest)
                            + "-byte message: got " + n + " of " + rest + " bytes");
                }
                return got + rest;
            }
        }

        @Override
        public byte peekedKind() {
            return frameLength <= 0 ? 0 : in.get(ValueLayout.JAVA_BYTE, 0);
        }

        @Override
        public long take(MemorySegment buffer) {
            long n = payloadLength();
            if (n > 0) {
                MemorySegment.copy(in, PipeFrames.HEADER_SIZE, buffer, 0, n);
            }
            frameLength = -1;
            return n;
        }

        @Override
        public PassedHandle takeHandle() {
            long length = frameLength;
            long value = length == PipeFrames.HEADER_SIZE + HANDLE_PAYLOAD ? in.get(ValueLayout.JAVA_LONG_UNALIGNED, 1) : 0;
            frameLength = -1;
            if (value <= 0) {
                throw new IpcException("receive handle", name, null, "the message carries no handle ("
                        + Math.max(0, length - 1) + " bytes where the handle's 8 were expected)");
            }
            return new ReceivedHandle(value);
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                reader.close();
                writer.close();
            } finally {
                // Not DisconnectNamedPipe: it would throw away what the peer has not read yet (a refusal's reason).
                Win32.closeQuietly(pipe);
                Win32.closeQuietly(peerProcess);
                arena.close();
            }
        }
    }

    /** A handle another process duplicated into this one. */
    static final class ReceivedHandle implements PassedHandle {
        private final long value;
        private final AtomicBoolean closed = new AtomicBoolean();

        ReceivedHandle(long value) {
            this.value = value;
        }

        @Override
        public long osHandle() {
            if (closed.get()) {
                throw new IllegalStateException("received handle " + value + " is closed");
            }
            return value;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                Win32.closeQuietly(Win32.handle(value));
            }
        }

        @Override
        public String toString() {
            return "handle " + value + (closed.get() ? " (closed)" : "");
        }
    }
}
