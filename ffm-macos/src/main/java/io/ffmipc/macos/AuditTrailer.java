package io.ffmipc.macos;

import io.ffmipc.ffi.Target;
import io.ffmipc.macos.ffi.Mach;
import io.ffmipc.macos.ffi.MacosDeclarations;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The sender of a received message, from the audit trailer the kernel appends when the receive asks
 * for it ({@code MACH_RCV_TRAILER_AUDIT}): the audit token's words are the kernel's record of the
 * sending task, which the sender cannot forge. Which word holds what is a table fact
 * ({@link Mach#AUDIT_TOKEN_EUID}, {@link Mach#AUDIT_TOKEN_PID}, {@link Mach#AUDIT_TOKEN_PIDVERSION}).
 */
final class AuditTrailer {
    private static final MemoryLayout TRAILER = Mach.MACH_MSG_AUDIT_TRAILER.layout(Target.MACOS_ARM64);
    private static final long TYPE = TRAILER.byteOffset(MemoryLayout.PathElement.groupElement("msgh_trailer_type"));
    private static final long SIZE = TRAILER.byteOffset(MemoryLayout.PathElement.groupElement("msgh_trailer_size"));
    private static final long AUDIT = TRAILER.byteOffset(MemoryLayout.PathElement.groupElement("msgh_audit"));
    private static final int FORMAT_0 = MacosDeclarations.value(Mach.MACH_MSG_TRAILER_FORMAT_0);

    private AuditTrailer() {
    }

    /**
     * The sender recorded in the trailer at {@code offset} of {@code buf} (the message's size);
     * {@link IllegalArgumentException} if no audit trailer is there.
     */
    static MachSender read(MemorySegment buf, long offset) {
        int type = buf.get(JAVA_INT, offset + TYPE);
        int size = buf.get(JAVA_INT, offset + SIZE);
        if (type != FORMAT_0 || size < MachMessageLayout.AUDIT_TRAILER_SIZE) {
            throw new IllegalArgumentException("no audit trailer after the message: type " + type + ", " + size
                    + " bytes (an audit trailer is format 0 with " + MachMessageLayout.AUDIT_TRAILER_SIZE + ")");
        }
        long token = offset + AUDIT;
        return new MachSender(
                Integer.toUnsignedLong(buf.get(JAVA_INT, token + Mach.AUDIT_TOKEN_PID.offset())),
                Integer.toUnsignedLong(buf.get(JAVA_INT, token + Mach.AUDIT_TOKEN_EUID.offset())),
                buf.get(JAVA_INT, token + Mach.AUDIT_TOKEN_PIDVERSION.offset()));
    }
}
