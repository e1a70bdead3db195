package io.ffmipc.macos;

import io.ffmipc.IpcException;
import io.ffmipc.core.Deadline;
import io.ffmipc.core.WaitSlices;
import io.ffmipc.macos.ffi.MacosDeclarations;
import io.ffmipc.macos.ffi.Mach;
import io.ffmipc.macos.ffi.MachReturn;
import io.ffmipc.spi.IpcErrors;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * {@link MachPorts} over a {@link MachKernel}: the rules and loops around each Mach call — rights
 * allocated and always released, queue limits, bootstrap names checked before the call, messages
 * laid out by {@link MachMessageLayout}, waits cut into slices so a Java interrupt is seen, a receive
 * buffer that grows when a message is larger ({@code MACH_RCV_LARGE}), out-of-line regions given
 * back, the sender read from the audit trailer, and every failure a typed exception naming the
 * kernel's code.
 */
final class MachPortsImpl implements MachPorts {
    private static final int SUCCESS = MacosDeclarations.value(MachReturn.KERN_SUCCESS);
    private static final int SEND_TIMED_OUT = MacosDeclarations.value(MachReturn.MACH_SEND_TIMED_OUT);
    private static final int SEND_INTERRUPTED = MacosDeclarations.value(MachReturn.MACH_SEND_INTERRUPTED);
    private static final int RCV_TIMED_OUT = MacosDeclarations.value(MachReturn.MACH_RCV_TIMED_OUT);
    private static final int RCV_INTERRUPTED = MacosDeclarations.value(MachReturn.MACH_RCV_INTERRUPTED);
    private static final int RCV_TOO_LARGE = MacosDeclarations.value(MachReturn.MACH_RCV_TOO_LARGE);
    private static final int RIGHT_RECEIVE = MacosDeclarations.value(Mach.MACH_PORT_RIGHT_RECEIVE);
    private static final int QLIMIT_MAX = MacosDeclarations.value(Mach.MACH_PORT_QLIMIT_MAX);
    private static final int NAME_MAX = MacosDeclarations.value(Mach.BOOTSTRAP_MAX_NAME_LEN);
    private static final int SEND = MacosDeclarations.value(Mach.MACH_SEND_MSG)
            | MacosDeclarations.value(Mach.MACH_SEND_TIMEOUT);
    private static final int RECEIVE = MacosDeclarations.value(Mach.MACH_RCV_MSG)
            | MacosDeclarations.value(Mach.MACH_RCV_LARGE) | MacosDeclarations.value(Mach.MACH_RCV_TIMEOUT)
            | MacosDeclarations.value(Mach.RCV_TRAILER_AUDIT_OPTION);
    /** The receive buffer a port starts with; it grows to the largest message seen. */
    static final int FIRST_BUFFER = 4096;

    private final MachKernel kernel;

    MachPortsImpl(MachKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public MachReceivePort newPort(int queueLimit) {
        checkQueueLimit(queueLimit);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = a.allocate(JAVA_INT);
            check(kernel.portAllocate(RIGHT_RECEIVE, name), "mach_port_allocate", null);
            return limited(new ReceivePort(name.get(JAVA_INT, 0), "port " + name.get(JAVA_INT, 0), queueLimit));
        }
    }

    @Override
    public MachReceivePort checkIn(String serviceName, int queueLimit) {
        checkQueueLimit(queueLimit);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment port = a.allocate(JAVA_INT);
            check(kernel.bootstrapCheckIn(serviceName(a, serviceName), port), "bootstrap_check_in", serviceName);
            return limited(new ReceivePort(port.get(JAVA_INT, 0), serviceName, queueLimit));
        }
    }

    @Override
    public MachSendPort lookUp(String serviceName) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment port = a.allocate(JAVA_INT);
            check(kernel.bootstrapLookUp(serviceName(a, serviceName), port), "bootstrap_look_up", serviceName);
            return new SendPort(port.get(JAVA_INT, 0), serviceName);
        }
    }

    @Override
    public int portNameCount() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment names = a.allocate(ADDRESS);
            MemorySegment namesCount = a.allocate(JAVA_INT);
            MemorySegment types = a.allocate(ADDRESS);
            MemorySegment typesCount = a.allocate(JAVA_INT);
            check(kernel.portNames(names, namesCount, types, typesCount), "mach_port_names", null);
            int count = namesCount.get(JAVA_INT, 0);
            // The two arrays were mapped into this task for us: give them back.
            kernel.vmDeallocate(names.get(ADDRESS, 0).address(), 4L * count);
            kernel.vmDeallocate(types.get(ADDRESS, 0).address(), 4L * typesCount.get(JAVA_INT, 0));
            return count;
        }
    }

    private static void checkQueueLimit(int queueLimit) {
        if (queueLimit < 1 || queueLimit > QLIMIT_MAX) {
            throw new IllegalArgumentException("a Mach port's queue limit must be 1 to " + QLIMIT_MAX
                    + " (MACH_PORT_QLIMIT_MAX), got " + queueLimit);
        }
    }

    /** The service name as C text, after the rules the bootstrap server applies (at most 127 bytes, no NUL). */
    private static MemorySegment serviceName(Arena a, String serviceName) {
        Objects.requireNonNull(serviceName, "serviceName");
        byte[] bytes = serviceName.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length >= NAME_MAX || serviceName.indexOf('\0') >= 0) {
            throw new io.ffmipc.InvalidNameException(serviceName, "a bootstrap service name has 1 to " + (NAME_MAX - 1)
                    + " bytes (BOOTSTRAP_MAX_NAME_LEN " + NAME_MAX + " with the NUL) and no NUL, this one has "
                    + bytes.length);
        }
        return a.allocateFrom(serviceName);
    }

    /** Sets the queue limit on a new receive right; releases the right if that fails. */
    private ReceivePort limited(ReceivePort port) {
        int kr = kernel.portSetQueueLimit(port.name, port.queueLimit);
        if (kr != SUCCESS) {
            port.close();
            throw error("mach_port_set_attributes", port.label, kr, "setting the queue limit to " + port.queueLimit);
        }
        return port;
    }

    private void check(int kr, String operation, String label) {
        if (kr != SUCCESS) {
            throw error(operation, label, kr, null);
        }
    }

    /** The typed exception for a Mach code, with the kernel's text for it. */
    IpcException error(String operation, String label, int kr, String detail) {
        return IpcErrors.of(operation, label, MachReturn.CODES.osError(kr, kernel.errorString(kr)),
                MachReturn.CODES.kind(kr), detail);
    }

    /** A receive right: its buffer grows to the largest message received. */
    private final class ReceivePort implements MachReceivePort {
        private final int name;
        private final String label;
        private final int queueLimit;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Arena arena = Arena.ofShared();
        private MemorySegment buffer = arena.allocate(FIRST_BUFFER, 8);

        ReceivePort(int name, String label, int queueLimit) {
            this.name = name;
            this.label = label;
            this.queueLimit = queueLimit;
        }

        @Override
        public int name() {
            return name;
        }

        @Override
        public int queueLimit() {
            return queueLimit;
        }

        @Override
        public MachSendPort makeSendRight() {
            if (closed.get()) {
                throw IpcErrors.closed("Mach port", label);
            }
            int kr = kernel.portInsertRight(name, name, MachMessageLayout.MAKE_SEND);
            if (kr != SUCCESS) {
                throw error("mach_port_insert_right", label, kr, "making a send right");
            }
            return new SendPort(name, label);
        }

        @Override
        public synchronized Optional<MachMessage> receive(Duration timeout) {
            long deadline = Deadline.nanosAfter(timeout);
            while (true) {
                WaitSlices.checkInterrupt("mach_msg receive", label);
                if (closed.get()) {
                    throw IpcErrors.closed("Mach port", label);
                }
                int millis = WaitSlices.nextMillis(deadline);
                int kr = kernel.msg(buffer, RECEIVE, 0, (int) buffer.byteSize(), name, Math.max(0, millis));
                if (kr == SUCCESS) {
                    return Optional.of(message());
                }
                if (kr == RCV_TOO_LARGE) {
                    // MACH_RCV_LARGE: the message stayed queued and its size is in the header.
                    int needed = MachMessageLayout.messageSize(buffer) + MachMessageLayout.AUDIT_TRAILER_SIZE;
                    buffer = arena.allocate(Math.max(needed, 2 * buffer.byteSize()), 8);
                    continue;
                }
                if (kr != RCV_TIMED_OUT && kr != RCV_INTERRUPTED) {
                    throw error("mach_msg receive", label, kr, null);
                }
                if (Deadline.expired(deadline)) {
                    return Optional.empty();
                }
            }
        }

        /** The message in the buffer: its rights and out-of-line region are taken over first, then read. */
        private MachMessage message() {
            MachMessageLayout.Parsed p = MachMessageLayout.read(buffer);
            List<MachSendPort> rights = new ArrayList<>();
            for (int right : p.ports()) {
                rights.add(new SendPort(right, "right " + right + " received on " + label));
            }
            byte[] body;
            if (p.outOfLine()) {
                MemorySegment region = MemorySegment.ofAddress(p.outOfLineAddress()).reinterpret(p.outOfLineSize());
                body = region.toArray(JAVA_BYTE);
                kernel.vmDeallocate(p.outOfLineAddress(), p.outOfLineSize());
            } else {
                body = buffer.asSlice(p.inlineOffset(), p.inlineLength()).toArray(JAVA_BYTE);
            }
            return new MachMessage(p.id(), body, rights, AuditTrailer.read(buffer, p.size()));
        }

        /** Destroys the receive right (mod_refs -1: deallocate is for send rights). */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                int kr = kernel.portModRefs(name, RIGHT_RECEIVE, -1);
                synchronized (this) {
                    arena.close();
                }
                if (kr != SUCCESS) {
                    throw error("mach_port_mod_refs", label, kr, "releasing the receive right");
                }
            }
        }

        @Override
        public String toString() {
            return "MachReceivePort[" + label + ", name " + name + (closed.get() ? ", closed]" : "]");
        }
    }

    /** A send right this task holds (looked up, or received in a message). */
    private final class SendPort implements MachSendPort {
        private final int name;
        private final String label;
        private final AtomicBoolean closed = new AtomicBoolean();

        SendPort(int name, String label) {
            this.name = name;
            this.label = label;
        }

        @Override
        public int name() {
            return name;
        }

        @Override
        public boolean send(int id, byte[] body, List<? extends MachPort> rights, Duration timeout) {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(rights, "rights");
            long deadline = Deadline.nanosAfter(timeout);
            MachMessageLayout.Right[] carried = new MachMessageLayout.Right[rights.size()];
            for (int i = 0; i < carried.length; i++) {
                MachPort r = rights.get(i);
                carried[i] = new MachMessageLayout.Right(r.name(), r instanceof MachReceivePort
                        ? MachMessageLayout.MAKE_SEND : MachMessageLayout.COPY_SEND);
            }
            try (Arena a = Arena.ofConfined()) {
                boolean ool = body.length > OUT_OF_LINE_THRESHOLD;
                MemorySegment data = a.allocate(Math.max(1, body.length), 8);
                MemorySegment.copy(body, 0, data, JAVA_BYTE, 0, body.length);
                data = data.asSlice(0, body.length);
                MemorySegment buf = a.allocate(MachMessageLayout.size(carried.length, ool, ool ? 0 : body.length), 8);
                int size = MachMessageLayout.write(buf, name, id, carried, ool ? data : null, data);
                while (true) {
                    WaitSlices.checkInterrupt("mach_msg send", label);
                    if (closed.get()) {
                        throw IpcErrors.closed("Mach send right", label);
                    }
                    int kr = kernel.msg(buf, SEND, size, 0, 0, Math.max(0, WaitSlices.nextMillis(deadline)));
                    if (kr == SUCCESS) {
                        return true;
                    }
                    if (kr != SEND_TIMED_OUT && kr != SEND_INTERRUPTED) {
                        throw error("mach_msg send", label, kr, kr == MacosDeclarations.value(
                                MachReturn.MACH_SEND_INVALID_DEST) ? "the receiver is gone" : null);
                    }
                    if (Deadline.expired(deadline)) {
                        return false; // the queue stayed full
                    }
                }
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                int kr = kernel.portDeallocate(name);
                if (kr != SUCCESS) {
                    throw error("mach_port_deallocate", label, kr, "releasing the send right");
                }
            }
        }

        @Override
        public String toString() {
            return "MachSendPort[" + label + ", name " + name + (closed.get() ? ", closed]" : "]");
        }
    }
}
