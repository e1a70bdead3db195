package io.ffmipc.windows;

import io.ffmipc.IpcLimitException;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessageTooLargeException;
import io.ffmipc.ReceiveBufferTooSmallException;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.NativeSegments;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The reading end of a Windows mailslot ({@link Mailslots#create}): one message per receive, whole,
 * in the order they were written. A receive waits with the mailslot's read timeout set to one slice
 * at a time (SetMailslotInfo), so an interrupt or a close ends it within a slice. The mailslot keeps
 * a buffer of its largest message: a message that does not fit the caller's buffer stays there,
 * and {@link ReceiveBufferTooSmallException} says how large it is.
 */
public final class Mailslot implements AutoCloseable {
    private static final int MAILSLOT_NO_MESSAGE = Kernel32Abi.MAILSLOT_NO_MESSAGE.intValue();
    private static final int ERROR_SEM_TIMEOUT = WinError.code(WinError.ERROR_SEM_TIMEOUT);
    private static final int ERROR_INSUFFICIENT_BUFFER = WinError.code(WinError.ERROR_INSUFFICIENT_BUFFER);

    private final String name;
    private final MemorySegment handle;
    private final int maxMessageSize;
    private final CloseGuard guard;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;
    private final MemorySegment info;
    private long kept = -1;
    private int readTimeout = -2;

    Mailslot(String name, MemorySegment handle, int maxMessageSize) {
        this.name = name;
        this.handle = handle;
        this.maxMessageSize = maxMessageSize;
        this.guard = new CloseGuard("mailslot", name);
        this.buffer = arena.allocate(maxMessageSize);
        this.info = arena.allocate(ValueLayout.JAVA_INT, 4);
    }

    public String name() {
        return name;
    }

    /** The largest message, in bytes, as created. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Waits at most {@code timeout} for the next message and copies it into {@code buffer} (native):
     * its size, or {@link MessagePipe#TIMED_OUT}.
     *
     * @throws ReceiveBufferTooSmallException if it does not fit; it stays to be received
     */
    public synchronized long receive(MemorySegment target, Duration timeout) {
        NativeSegments.require(target, "receive", name);
        long deadline = Deadline.nanosAfter(Objects.requireNonNull(timeout, "timeout"));
        guard.enter();
        try {
            while (kept < 0) {
                WaitSlices.checkInterrupt("receive", name);
                guard.checkOpen();
                long slice = WaitSlices.next(deadline);
                if (!readOnce(slice) && Deadline.expired(deadline)) {
                    return MessagePipe.TIMED_OUT;
                }
            }
            if (kept > target.byteSize()) {
                throw new ReceiveBufferTooSmallException("receive", name, kept, target.byteSize());
            }
            long n = kept;
            MemorySegment.copy(buffer, 0, target, 0, n);
            kept = -1;
            return n;
        } finally {
            guard.exit();
        }
    }

    /** The next message as bytes, or null if none came within {@code timeout}. */
    public byte[] receive(Duration timeout) {
        try (Arena once = Arena.ofConfined()) {
            MemorySegment target = once.allocate(Math.max(1, maxMessageSize));
            long n = receive(target, timeout);
            return n < 0 ? null : target.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** One ReadFile with a read timeout of one slice: true if a message is kept now. */
    private boolean readOnce(long sliceNanos) {
        MemorySegment st = NativeBinder.callState();
        int ms = EventCounter.millisRoundedUp(Math.max(0, sliceNanos));
        if (ms != readTimeout) {
            if (Kernel32.setMailslotInfo(st, handle, ms) == 0) {
                throw Win32.error("SetMailslotInfo", name, st, "setting the read timeout to " + ms + " ms");
            }
            readTimeout = ms;
        }
        MemorySegment read = info.asSlice(0, 4);
        if (Kernel32.readFile(st, handle, buffer, maxMessageSize, read, MemorySegment.NULL) != 0) {
            kept = Integer.toUnsignedLong(read.get(ValueLayout.JAVA_INT, 0));
            return true;
        }
        int e = Win32.lastError(st);
        if (e == ERROR_SEM_TIMEOUT) {
            return false;
        }
        if (e == ERROR_INSUFFICIENT_BUFFER) {
            OptionalInt next = nextMessageSize();
            throw new IpcLimitException("receive", name, WinError.osError(e), "the next message ("
                    + (next.isPresent() ? next.getAsInt() + " bytes" : "of unknown size") + ") is larger than the"
                    + " mailslot's maximum of " + maxMessageSize + " bytes: a writer ignored the limit");
        }
        throw WinError.exception("ReadFile", name, e, null);
    }

    /** The size of the next message, or empty if there is none (a message received but not taken counts). */
    public synchronized OptionalInt nextMessageSize() {
        guard.enter();
        try {
            if (kept >= 0) {
                return OptionalInt.of((int) kept);
            }
            int next = mailslotInfo()[1];
            return next == MAILSLOT_NO_MESSAGE ? OptionalInt.empty() : OptionalInt.of(next);
        } finally {
            guard.exit();
        }
    }

    /** How many messages wait (GetMailslotInfo; Wine 8 says 1 for any number). */
    public synchronized int messageCount() {
        guard.enter();
        try {
            return mailslotInfo()[2] + (kept >= 0 ? 1 : 0);
        } finally {
            guard.exit();
        }
    }

    private int[] mailslotInfo() {
        MemorySegment st = NativeBinder.callState();
        if (Kernel32.getMailslotInfo(st, handle, info.asSlice(0, 4), info.asSlice(4, 4), info.asSlice(8, 4),
                info.asSlice(12, 4)) == 0) {
            throw Win32.error("GetMailslotInfo", name, st);
        }
        return new int[] {info.getAtIndex(ValueLayout.JAVA_INT, 0), info.getAtIndex(ValueLayout.JAVA_INT, 1),
                info.getAtIndex(ValueLayout.JAVA_INT, 2)};
    }

    /** Closes the mailslot: it and the messages in it are gone with the last handle. */
    @Override
    public void close() {
        if (guard.close()) {
            synchronized (this) {
                Win32.closeQuietly(handle);
                arena.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Mailslot[" + name + (guard.isClosed() ? ", closed]" : "]");
    }

    /** A writing end of a mailslot ({@link Mailslots#open}): one message per send, at once. */
    public static final class Writer implements AutoCloseable {
        private final String name;
        private final MemorySegment handle;
        private final CloseGuard guard;

        Writer(String name, MemorySegment handle) {
            this.name = name;
            this.handle = handle;
            this.guard = new CloseGuard("mailslot writer", name);
        }

        public String name() {
            return name;
        }

        /** Sends the native segment's bytes as one message. A mailslot does not wait: the message is queued or refused. */
        public void send(MemorySegment message) {
            NativeSegments.require(message, "send", name);
            if (message.byteSize() > MAX_SIZE) {
                throw new MessageTooLargeException("send", name, message.byteSize(), MAX_SIZE);
            }
            guard.enter();
            try (Arena a = Arena.ofConfined()) {
                MemorySegment st = NativeBinder.callState();
                MemorySegment written = a.allocate(ValueLayout.JAVA_INT);
                if (Kernel32.writeFile(st, handle, message, (int) message.byteSize(), written, MemorySegment.NULL) == 0) {
                    throw Win32.error("WriteFile", name, st, "a message of " + message.byteSize() + " bytes (larger than"
                            + " the mailslot's maximum, or the reader has gone)");
                }
            } finally {
                guard.exit();
            }
        }

        /** Sends the bytes as one message. */
        public void send(byte[] message) {
            Objects.requireNonNull(message, "message");
            try (Arena a = Arena.ofConfined()) {
                MemorySegment m = a.allocate(Math.max(1, message.length));
                MemorySegment.copy(message, 0, m, ValueLayout.JAVA_BYTE, 0, message.length);
                send(m.asSlice(0, message.length));
            }
        }

        @Override
        public void close() {
            if (guard.close()) {
                Win32.closeQuietly(handle);
            }
        }

        private static final int MAX_SIZE = Mailslots.MAX_MESSAGE_SIZE;
    }
}
