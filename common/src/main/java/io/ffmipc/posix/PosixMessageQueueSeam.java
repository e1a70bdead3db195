package io.ffmipc.posix;

import io.ffmipc.IpcLimitException;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.Received;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;
import io.ffmipc.spi.MessageQueueSeam;
import io.ffmipc.spi.NativeMessageQueue;
import io.ffmipc.spi.ObjectOwner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * POSIX message queues ({@code mq_open}) for the OSes that have them (Linux; macOS has none, and
 * its provider offers the portable shared-memory queue instead). Each method is one attempt; the
 * portable layer ({@code io.ffmipc.core.SeamMessageQueue}) holds the open modes, the owner check,
 * argument and size rules, deadlines, interrupts and close guards.
 *
 * <h2>Timeouts</h2>
 * {@code mq_timedsend}/{@code mq_timedreceive} take an absolute time on CLOCK_REALTIME, and glibc
 * has no monotonic variant. So the portable layer's monotonic deadline stays the truth, and each
 * attempt is one slice whose absolute end is computed from CLOCK_REALTIME just before the call: a
 * wall-clock step can only lengthen or shorten one slice, never the whole wait. An attempt that
 * must not wait uses an absolute time in the past, which the kernel answers at once (ETIMEDOUT) —
 * no flag toggling.
 *
 * <h2>Permissions and owner</h2>
 * mq_open applies the umask; the creator then sets the exact mode with {@code fchmod} on the queue
 * descriptor (which the mqueue file system supports). Between the two calls the mode may be
 * narrower than asked, never wider. The owner of an opened queue is read with {@code fstat} on the
 * same descriptor ({@code mqd_t} is a descriptor on Linux), so no name swapped meanwhile can
 * mislead it.
 */
public final class PosixMessageQueueSeam implements MessageQueueSeam {
    private final PosixLibrary lib;
    private final MessageQueueLimits limits;
    private final AbsoluteTimeouts timeouts;
    private final CStruct mqAttr;
    private final int maxPriority;
    private final int oRdwr;
    private final int oCreat;
    private final int oExcl;
    private final int oCloexec;
    private final int oNonblock;
    private final int clockRealtime;
    private final int einval;
    private final int eagain;
    private final int eintr;
    private final int etimedout;

    /** @param limits explains a refused create in the OS's terms */
    public PosixMessageQueueSeam(PosixLibrary lib, MessageQueueLimits limits) {
        this.lib = lib;
        this.limits = limits;
        this.timeouts = new AbsoluteTimeouts(lib);
        this.mqAttr = lib.struct("struct mq_attr");
        this.maxPriority = lib.constant("MQ_PRIO_MAX") - 1;
        this.oRdwr = lib.constant("O_RDWR");
        this.oCreat = lib.constant("O_CREAT");
        this.oExcl = lib.constant("O_EXCL");
        this.oCloexec = lib.constant("O_CLOEXEC");
        this.oNonblock = lib.constant("O_NONBLOCK");
        this.clockRealtime = lib.constant("CLOCK_REALTIME");
        this.einval = lib.constant("EINVAL");
        this.eagain = lib.constant("EAGAIN");
        this.eintr = lib.constant("EINTR");
        this.etimedout = lib.constant("ETIMEDOUT");
    }

    @Override
    public int maxPriority() {
        return maxPriority;
    }

    @Override
    public NativeMessageQueue create(String name, MessageQueueOptions options) {
        String osName = lib.posixName(name);
        MemorySegment st = NativeBinder.callState();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(mqAttr.layout());
            PosixStructs.set(attr, mqAttr, "mq_maxmsg", options.maxMessages());
            PosixStructs.set(attr, mqAttr, "mq_msgsize", options.maxMessageSize());
            MemorySegment cName = arena.allocateFrom(osName);
            int mode = options.permissions().mode();
            int mqd = lib.mqOpen(st, cName, oRdwr | oCreat | oExcl | oCloexec, mode, attr);
            if (mqd < 0) {
                int err = lib.errno(st);
                String detail = limits.refused(err, options.maxMessages(), options.maxMessageSize());
                // EINVAL for a size is a limit, whatever the generic table says.
                throw err == einval ? new IpcLimitException("mq_open", name, lib.osError(err), detail)
                        : lib.error("mq_open", name, err, detail != null ? detail : "creating it as " + osName);
            }
            if (lib.fchmod(st, mqd, mode) != 0) {
                int err = lib.errno(st);
                lib.mqClose(st, mqd);
                lib.mqUnlink(st, cName);
                throw lib.error("fchmod", name, err, "cannot set mode " + options.permissions() + " on the new queue");
            }
            try {
                return opened(name, mqd);
            } catch (RuntimeException e) {
                lib.mqUnlink(st, cName); // leave nothing half-made behind
                throw e;
            }
        }
    }

    @Override
    public NativeMessageQueue open(String name) {
        String osName = lib.posixName(name);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            int mqd = lib.mqOpen(st, arena.allocateFrom(osName), oRdwr | oCloexec, 0, MemorySegment.NULL);
            if (mqd < 0) {
                throw lib.error("mq_open", name, lib.errno(st), "opening it as " + osName);
            }
            return opened(name, mqd);
        }
    }

    @Override
    public boolean unlink(String name) {
        return new PosixUnlink(lib).remove("mq_unlink", lib::mqUnlink, name, lib.posixName(name));
    }

    /** Reads the queue's fixed sizes once (set at creation, never changed) and its owner; closes it on failure. */
    private Queue opened(String name, int mqd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = getattr(arena, name, mqd);
            ObjectOwner owner = ObjectOwner.posix(FileStatus.of(lib, mqd, name).uid());
            return new Queue(name, mqd, PosixStructs.get(attr, mqAttr, "mq_maxmsg"),
                    PosixStructs.get(attr, mqAttr, "mq_msgsize"), owner);
        } catch (RuntimeException e) {
            lib.mqClose(NativeBinder.callState(), mqd);
            throw e;
        }
    }

    private MemorySegment getattr(Arena arena, String name, int mqd) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment attr = arena.allocate(mqAttr.layout());
        if (lib.mqGetattr(st, mqd, attr) != 0) {
            throw lib.error("mq_getattr", name, lib.errno(st), null);
        }
        return attr;
    }

    /** An open queue descriptor. */
    private final class Queue implements NativeMessageQueue {
        private final String name;
        private final int mqd;
        private final long maxMessages;
        private final long maxMessageSize;
        private final ObjectOwner owner;

        Queue(String name, int mqd, long maxMessages, long maxMessageSize, ObjectOwner owner) {
            this.name = name;
            this.mqd = mqd;
            this.maxMessages = maxMessages;
            this.maxMessageSize = maxMessageSize;
            this.owner = owner;
        }

        @Override
        public ObjectOwner owner() {
            return owner;
        }

        @Override
        public long maxMessages() {
            return maxMessages;
        }

        @Override
        public long maxMessageSize() {
            return maxMessageSize;
        }

        @Override
        public MessageQueue.Attributes attributes() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment attr = getattr(arena, name, mqd);
                return new MessageQueue.Attributes(PosixStructs.get(attr, mqAttr, "mq_maxmsg"),
                        PosixStructs.get(attr, mqAttr, "mq_msgsize"), PosixStructs.get(attr, mqAttr, "mq_curmsgs"),
                        (PosixStructs.get(attr, mqAttr, "mq_flags") & oNonblock) != 0);
            }
        }

        @Override
        public void setNonBlocking(boolean nonBlocking) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment st = NativeBinder.callState();
                MemorySegment attr = arena.allocate(mqAttr.layout());
                PosixStructs.set(attr, mqAttr, "mq_flags", nonBlocking ? oNonblock : 0);
                if (lib.mqSetattr(st, mqd, attr, MemorySegment.NULL) != 0) {
                    throw lib.error("mq_setattr", name, lib.errno(st), null);
                }
            }
        }

        @Override
        public int send(MemorySegment message, long length, int priority, long nanos) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment ts = slice(st, nanos);
            if (lib.mqTimedsend(st, mqd, message, length, priority, ts) == 0) {
                return Attempt.DONE;
            }
            return (int) missed(lib.errno(st), "mq_timedsend");
        }

        @Override
        public long receive(MemorySegment buffer, Received into, long nanos) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment ts = slice(st, nanos);
            MemorySegment prio = PosixScratch.get().word;
            long n = lib.mqTimedreceive(st, mqd, buffer, maxMessageSize, prio, ts);
            if (n >= 0) {
                if (into != null) {
                    into.set(n, prio.get(ValueLayout.JAVA_INT, 0));
                }
                return n;
            }
            return missed(lib.errno(st), "mq_timedreceive");
        }

        /** The absolute end of an attempt of {@code nanos} (0: one that does not wait), in this thread's scratch. */
        private MemorySegment slice(MemorySegment st, long nanos) {
            MemorySegment ts = PosixScratch.get().timespec;
            if (nanos <= 0) {
                timeouts.alreadyPassed(ts);
            } else {
                timeouts.fromNow(st, clockRealtime, ts, nanos, name);
            }
            return ts;
        }

        /** What a failed send or receive means: an expected outcome, or an error. */
        private long missed(int err, String call) {
            if (err == etimedout) {
                return Attempt.TIMED_OUT;
            }
            if (err == eagain) {
                return Attempt.WOULD_BLOCK; // non-blocking mode, and the queue is full (send) or empty (receive)
            }
            if (err == eintr) {
                return Attempt.INTERRUPTED;
            }
            throw lib.error(call, name, err, null);
        }

        @Override
        public void close() {
            MemorySegment st = NativeBinder.callState();
            if (lib.mqClose(st, mqd) != 0) {
                throw lib.error("mq_close", name, lib.errno(st), null);
            }
        }
    }
}
