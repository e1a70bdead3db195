package io.ffmipc.windows;

import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.NativeStreamPipe;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.StreamPipeSeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-stream pipes on Windows: byte-mode named pipes in {@code \\.\pipe\}. A named pipe exists
 * only while its server end is open, and nothing persists, so "the read end creates the pipe":
 * {@link #create} reserves the name in this process (after checking that no pipe has it now),
 * {@link #openRead} — in the process that created it — makes the pipe, inbound, with exactly one
 * instance (FILE_FLAG_FIRST_PIPE_INSTANCE: nobody can have planted it) and the creator's DACL, and
 * a writer connects to it as a client ({@link #tryOpenWrite}: nothing while no read end exists).
 * One writer per read end: when it closes, the reader sees the end of the stream and it stays
 * there. {@link #remove} forgets the reserved name; open ends keep working.
 *
 * <p>Every wait is overlapped I/O on the pipe, waited for a slice at a time ({@link PipeIo}); an
 * operation that does not finish within a slice stays under way into the next one, so no byte is
 * lost to a cancel. A write is committed once the system holds it: its bytes are copied to the end's
 * own buffer first, and the next write (or the close) waits for it.
 */
final class WindowsStreamPipeSeam implements StreamPipeSeam {
    /** The pipe's buffer sizes, and the most one write copies and hands over at a time. */
    static final int BUFFER = 64 * 1024;
    /** How long a writer's close waits for its last write to be read (then it is cancelled). */
    private static final long CLOSE_WAIT_NANOS = 2_000_000_000L;
    private static final int ERROR_FILE_NOT_FOUND = WinError.code(WinError.ERROR_FILE_NOT_FOUND);
    private static final int ERROR_PIPE_BUSY = WinError.code(WinError.ERROR_PIPE_BUSY);
    private static final int ERROR_ACCESS_DENIED = WinError.code(WinError.ERROR_ACCESS_DENIED);
    private static final int ERROR_SEM_TIMEOUT = WinError.code(WinError.ERROR_SEM_TIMEOUT);
    private static final String READER_GONE = "the reader closed the pipe";

    private final Security security;
    /** The names this process created and has not removed, with the permissions their read end gets. */
    private final ConcurrentHashMap<String, Permissions> reserved = new ConcurrentHashMap<>();

    WindowsStreamPipeSeam(Security security) {
        this.security = security;
    }

    @Override
    public String location(String name) {
        return WindowsNames.streamPipe(name);
    }

    @Override
    public void create(String name, Permissions permissions) {
        String path = WindowsNames.streamPipe(name);
        if (pipeExists(path)) {
            throw new IpcObjectExistsException("create stream pipe", name, null, "a pipe " + path + " exists now");
        }
        if (reserved.putIfAbsent(name, permissions) != null) {
            throw new IpcObjectExistsException("create stream pipe", name, null,
                    "this process created it already (and has not removed it)");
        }
    }

    /** WaitNamedPipeW tells whether a pipe of this name exists without connecting to it. */
    private static boolean pipeExists(String path) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            if (Kernel32.waitNamedPipeW(st, Win32.wide(a, path), 1) != 0) {
                return true;
            }
            int e = Win32.lastError(st);
            return e == ERROR_SEM_TIMEOUT || e == ERROR_PIPE_BUSY;
        }
    }

    @Override
    public boolean remove(String name) {
        io.ffmipc.IpcNames.validate(name);
        return reserved.remove(name) != null;
    }

    @Override
    public NativeStreamPipe openRead(String name) {
        Permissions permissions = reserved.get(name);
        if (permissions == null) {
            throw new NoSuchIpcObjectException("open stream pipe", name, WinError.osError(ERROR_FILE_NOT_FOUND),
                    "this process did not create a stream pipe of this name: on Windows a stream pipe exists while its"
                            + " read end is open, and the read end is opened by the process that created the pipe");
        }
        String path = WindowsNames.streamPipe(name);
        MemorySegment pipe;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int open = Kernel32Abi.PIPE_ACCESS_INBOUND.intValue() | Kernel32Abi.FILE_FLAG_OVERLAPPED.intValue()
                    | Kernel32Abi.FILE_FLAG_FIRST_PIPE_INSTANCE.intValue();
            int mode = Kernel32Abi.PIPE_TYPE_BYTE.intValue() | Kernel32Abi.PIPE_READMODE_BYTE.intValue()
                    | Kernel32Abi.PIPE_WAIT.intValue() | Kernel32Abi.PIPE_REJECT_REMOTE_CLIENTS.intValue();
            pipe = Kernel32.createNamedPipeW(st, Win32.wide(a, path), open, mode, 1, BUFFER, BUFFER, 0,
                    security.attributes(a, permissions));
            if (Win32.failed(pipe)) {
                int e = Win32.lastError(st);
                if (e == ERROR_ACCESS_DENIED) { // FILE_FLAG_FIRST_PIPE_INSTANCE: the name is taken
                    throw new IpcObjectExistsException("open stream pipe", name, WinError.osError(e),
                            "its read end is open already, in this or another process");
                }
                throw WinError.exception("CreateNamedPipeW", name, e);
            }
        }
        return new ReadEnd(name, pipe, security.user());
    }

    @Override
    public NativeStreamPipe tryOpenWrite(String name) {
        String path = WindowsNames.streamPipe(name);
        MemorySegment pipe;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int access = Kernel32Abi.GENERIC_WRITE.intValue() | Kernel32Abi.READ_CONTROL.intValue();
            int flags = Kernel32Abi.FILE_FLAG_OVERLAPPED.intValue() | Kernel32Abi.SECURITY_SQOS_PRESENT.intValue()
                    | Kernel32Abi.SECURITY_IDENTIFICATION.intValue();
            pipe = Kernel32.createFileW(st, Win32.wide(a, path), access, 0, MemorySegment.NULL,
                    Kernel32Abi.OPEN_EXISTING.intValue(), flags, MemorySegment.NULL);
            if (Win32.failed(pipe)) {
                int e = Win32.lastError(st);
                if (e == ERROR_FILE_NOT_FOUND || e == ERROR_PIPE_BUSY) {
                    return null; // no read end yet, or its one writer is connected: try again
                }
                throw WinError.exception("CreateFileW", name, e, "opening the write end of " + path);
            }
        }
        try {
            return new WriteEnd(name, pipe, Security.ownerOf(pipe, Security.KERNEL_OBJECT, name));
        } catch (RuntimeException e) {
            Win32.closeQuietly(pipe);
            throw e;
        }
    }

    /** The server end: connects its one writer, then reads. */
    private static final class ReadEnd implements NativeStreamPipe {
        private final String name;
        private final MemorySegment pipe;
        private final ObjectOwner owner;
        private final Arena arena = Arena.ofShared();
        private final PipeIo connect;
        private final PipeIo reader;
        private final MemorySegment staging;
        private boolean connected;
        private boolean ended;
        private long leftAt;
        private long left;

        ReadEnd(String name, MemorySegment pipe, ObjectOwner owner) {
            this.name = name;
            this.pipe = pipe;
            this.owner = owner;
            this.connect = new PipeIo(pipe, name, arena);
            this.reader = new PipeIo(pipe, name, arena);
            this.staging = arena.allocate(BUFFER);
        }

        @Override
        public ObjectOwner owner() {
            return owner;
        }

        /** One reader at a time: the staging buffer and the operation under way are the end's. */
        @Override
        public synchronized long read(MemorySegment buffer, long nanos) {
            if (left > 0) {
                return handOut(buffer);
            }
            if (ended) {
                return END_OF_STREAM;
            }
            long start = System.nanoTime();
            if (!connected) {
                if (connect.begin(PipeIo.Op.CONNECT, MemorySegment.NULL, 0) == OverlappedIo.State.PENDING
                        && !connect.await(EventCounter.millisRoundedUp(nanos))) {
                    return Attempt.TIMED_OUT; // no writer yet
                }
                if (connect.take("ConnectNamedPipe") == OverlappedIo.Outcome.CANCELLED) {
                    return Attempt.INTERRUPTED;
                }
                connected = true; // (PEER_CLOSED: a writer came and went; what it wrote is still read below)
            }
            if (reader.begin(PipeIo.Op.READ, staging, BUFFER) == OverlappedIo.State.PENDING
                    && !reader.await(EventCounter.millisRoundedUp(nanos - (System.nanoTime() - start)))) {
                return Attempt.TIMED_OUT;
            }
            switch (reader.take("ReadFile")) {
                case PEER_CLOSED -> {
                    ended = true; // the writer has gone and everything was read
                    return END_OF_STREAM;
                }
                case CANCELLED -> {
                    return Attempt.INTERRUPTED;
                }
                default -> {
                    if (reader.taken() == 0) {
                        return Attempt.INTERRUPTED; // a zero-byte write: nothing to hand out
                    }
                    leftAt = 0;
                    left = reader.taken();
                    return handOut(buffer);
                }
            }
        }

        /** What the last read brought and the caller has not taken, as much as fits {@code buffer}. */
        private long handOut(MemorySegment buffer) {
            long n = Math.min(left, buffer.byteSize());
            MemorySegment.copy(staging, leftAt, buffer, 0, n);
            leftAt += n;
            left -= n;
            return n;
        }

        @Override
        public long write(MemorySegment data, long nanos) {
            throw new IllegalStateException("write '" + name + "': this is the read end of the pipe");
        }

        @Override
        public void close() {
            try {
                connect.close();
                reader.close();
            } finally {
                Win32.closeQuietly(pipe); // not DisconnectNamedPipe: nothing the writer may still read is thrown away
                arena.close();
            }
        }
    }

    /** The client end: writes, a committed write at a time. */
    private static final class WriteEnd implements NativeStreamPipe {
        private final String name;
        private final MemorySegment pipe;
        private final ObjectOwner owner;
        private final Arena arena = Arena.ofShared();
        private final PipeIo writer;
        private final MemorySegment staging;

        WriteEnd(String name, MemorySegment pipe, ObjectOwner owner) {
            this.name = name;
            this.pipe = pipe;
            this.owner = owner;
            this.writer = new PipeIo(pipe, name, arena);
            this.staging = arena.allocate(BUFFER);
        }

        @Override
        public ObjectOwner owner() {
            return owner;
        }

        @Override
        public long read(MemorySegment buffer, long nanos) {
            throw new IllegalStateException("read '" + name + "': this is the write end of the pipe");
        }

        /** One writer at a time: the staging buffer and the write under way are the end's. */
        @Override
        public synchronized long write(MemorySegment data, long nanos) {
            long start = System.nanoTime();
            if (!writer.writeDone(EventCounter.millisRoundedUp(nanos), READER_GONE)) {
                return Attempt.TIMED_OUT; // the last write is not read yet: no room
            }
            int n = (int) Math.min(data.byteSize(), BUFFER);
            MemorySegment.copy(data, 0, staging, 0, n);
            writer.begin(PipeIo.Op.WRITE, staging, n);
            // done now or later: the system holds the bytes, and the next write or the close takes the result
            writer.writeDone(EventCounter.millisRoundedUp(nanos - (System.nanoTime() - start)), READER_GONE);
            return n;
        }

        @Override
        public void close() {
            try {
                // The last write may still be under way: give the reader a moment to take it, as a
                // FIFO's buffer would keep it; a reader that takes nothing does not hold close forever.
                long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
                while (writer.io().state() == OverlappedIo.State.PENDING && System.nanoTime() < deadline) {
                    writer.await(50);
                }
                writer.close();
            } finally {
                Win32.closeQuietly(pipe);
                arena.close();
            }
        }
    }
}
