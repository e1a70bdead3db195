package io.ffmipc.macos;

import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;
import io.ffmipc.macos.ffi.Mach;
import io.ffmipc.macos.ffi.MacosDeclarations;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * The messages of {@link MachPorts} in a buffer, written and read by the declarations of
 * {@link Mach} (the same on arm64 and x86_64; everything packed to 4 bytes):
 *
 * <pre>
 *   0  mach_msg_header_t         bits, size, remote port, local port, voucher, id (24 bytes)
 *      -- complex messages only (rights or an out-of-line body) --
 *  24  mach_msg_body_t           descriptor count
 *  28  port descriptors          12 bytes each: name, pad, then disposition (byte 10) and type (byte 11)
 *      out-of-line descriptor    16 bytes: address (4-aligned only), deallocate, copy, type (byte 11), size
 *      --
 *   n  int                       inline body length (0 when the body is out of line)
 *  n+4 bytes                     the inline body, padded to 4
 *      audit trailer             on receive only, at the message's (4-aligned) size
 * </pre>
 *
 * Pure layout: tests check it on any OS, byte for byte.
 */
final class MachMessageLayout {
    private static final Target MAC = Target.MACOS_ARM64; // every Mach layout is the same on both targets
    static final int HEADER_SIZE = size(Mach.MACH_MSG_HEADER);
    static final int BODY_SIZE = size(Mach.MACH_MSG_BODY);
    static final int PORT_DESCRIPTOR_SIZE = size(Mach.MACH_MSG_PORT_DESCRIPTOR_T);
    static final int OOL_DESCRIPTOR_SIZE = size(Mach.MACH_MSG_OOL_DESCRIPTOR_T);
    static final int AUDIT_TRAILER_SIZE = MacosDeclarations.value(Mach.AUDIT_TRAILER_SIZE);
    private static final long BITS = offset(Mach.MACH_MSG_HEADER, "msgh_bits");
    private static final long SIZE = offset(Mach.MACH_MSG_HEADER, "msgh_size");
    private static final long REMOTE = offset(Mach.MACH_MSG_HEADER, "msgh_remote_port");
    private static final long LOCAL = offset(Mach.MACH_MSG_HEADER, "msgh_local_port");
    private static final long VOUCHER = offset(Mach.MACH_MSG_HEADER, "msgh_voucher_port");
    private static final long ID = offset(Mach.MACH_MSG_HEADER, "msgh_id");
    private static final long COUNT = HEADER_SIZE + offset(Mach.MACH_MSG_BODY, "msgh_descriptor_count");
    private static final long PORT_NAME = offset(Mach.MACH_MSG_PORT_DESCRIPTOR_T, "name");
    private static final long PORT_DISPOSITION = Mach.PORT_DESCRIPTOR_DISPOSITION.offset();
    private static final long PORT_TYPE = Mach.PORT_DESCRIPTOR_TYPE.offset();
    private static final long OOL_ADDRESS = offset(Mach.MACH_MSG_OOL_DESCRIPTOR_T, "address");
    private static final long OOL_DEALLOCATE = Mach.OOL_DESCRIPTOR_DEALLOCATE.offset();
    private static final long OOL_COPY = Mach.OOL_DESCRIPTOR_COPY.offset();
    private static final long OOL_TYPE = Mach.OOL_DESCRIPTOR_TYPE.offset();
    private static final long OOL_SIZE = offset(Mach.MACH_MSG_OOL_DESCRIPTOR_T, "size");
    static final int COMPLEX = MacosDeclarations.value(Mach.MACH_MSGH_BITS_COMPLEX);
    private static final int REMOTE_MASK = MacosDeclarations.value(Mach.MACH_MSGH_BITS_REMOTE_MASK);
    static final int COPY_SEND = MacosDeclarations.value(Mach.MACH_MSG_TYPE_COPY_SEND);
    static final int MAKE_SEND = MacosDeclarations.value(Mach.MACH_MSG_TYPE_MAKE_SEND);
    private static final int PORT_TYPE_CODE = MacosDeclarations.value(Mach.MACH_MSG_PORT_DESCRIPTOR);
    private static final int OOL_TYPE_CODE = MacosDeclarations.value(Mach.MACH_MSG_OOL_DESCRIPTOR);
    private static final int VIRTUAL_COPY = MacosDeclarations.value(Mach.MACH_MSG_VIRTUAL_COPY);

    private MachMessageLayout() {
    }

    /** A right a message carries: its name and what the kernel does with it (COPY_SEND, MAKE_SEND). */
    record Right(int name, int disposition) {
    }

    /** What a received message holds: where its parts are in the buffer. */
    record Parsed(int id, int size, int[] ports, long outOfLineAddress, int outOfLineSize, long inlineOffset,
                  int inlineLength) {
        boolean outOfLine() {
            return outOfLineSize >= 0;
        }
    }

    /** The bytes a message needs ({@code msgh_size}): a multiple of 4. */
    static int size(int rights, boolean outOfLine, int inlineBytes) {
        int descriptors = rights + (outOfLine ? 1 : 0);
        int head = HEADER_SIZE + (descriptors > 0 ? BODY_SIZE + rights * PORT_DESCRIPTOR_SIZE
                + (outOfLine ? OOL_DESCRIPTOR_SIZE : 0) : 0);
        return head + 4 + roundUp4(inlineBytes);
    }

    /**
     * Writes a message to {@code destination} (a send right, copied) into {@code buf}, which must hold
     * {@link #size}: {@code outOfLine} (a native region, or null) or else {@code inline} is the body.
     */
    static int write(MemorySegment buf, int destination, int id, Right[] rights, MemorySegment outOfLine,
                     MemorySegment inline) {
        boolean ool = outOfLine != null;
        int inlineBytes = ool ? 0 : (int) inline.byteSize();
        int size = size(rights.length, ool, inlineBytes);
        buf.asSlice(0, size).fill((byte) 0);
        boolean complex = rights.length > 0 || ool;
        buf.set(JAVA_INT, BITS, (COPY_SEND & REMOTE_MASK) | (complex ? COMPLEX : 0)); // MACH_MSGH_BITS(COPY_SEND, 0)
        buf.set(JAVA_INT, SIZE, size);
        buf.set(JAVA_INT, REMOTE, destination);
        buf.set(JAVA_INT, LOCAL, 0);
        buf.set(JAVA_INT, VOUCHER, 0);
        buf.set(JAVA_INT, ID, id);
        long at = HEADER_SIZE;
        if (complex) {
            buf.set(JAVA_INT, COUNT, rights.length + (ool ? 1 : 0));
            at += BODY_SIZE;
            for (Right r : rights) {
                buf.set(JAVA_INT, at + PORT_NAME, r.name());
                buf.set(JAVA_BYTE, at + PORT_DISPOSITION, (byte) r.disposition());
                buf.set(JAVA_BYTE, at + PORT_TYPE, (byte) PORT_TYPE_CODE);
                at += PORT_DESCRIPTOR_SIZE;
            }
            if (ool) {
                buf.set(JAVA_LONG_UNALIGNED, at + OOL_ADDRESS, outOfLine.address()); // only 4-aligned here
                buf.set(JAVA_BYTE, at + OOL_DEALLOCATE, (byte) 0); // the sender keeps its region
                buf.set(JAVA_BYTE, at + OOL_COPY, (byte) VIRTUAL_COPY);
                buf.set(JAVA_BYTE, at + OOL_TYPE, (byte) OOL_TYPE_CODE);
                buf.set(JAVA_INT, at + OOL_SIZE, (int) outOfLine.byteSize());
                at += OOL_DESCRIPTOR_SIZE;
            }
        }
        buf.set(JAVA_INT, at, inlineBytes);
        if (!ool) {
            MemorySegment.copy(inline, 0, buf, at + 4, inlineBytes);
        }
        return size;
    }

    /** The size the kernel recorded in a header: of the message, or the one a MACH_RCV_TOO_LARGE receive needs. */
    static int messageSize(MemorySegment buf) {
        return buf.get(JAVA_INT, SIZE);
    }

    /**
     * Reads a received message of this layout; {@link IllegalArgumentException} naming what is wrong
     * for one that is not (another program's message to a port of ours).
     */
    static Parsed read(MemorySegment buf) {
        int bits = buf.get(JAVA_INT, BITS);
        int size = buf.get(JAVA_INT, SIZE);
        int id = buf.get(JAVA_INT, ID);
        if (size < HEADER_SIZE + 4 || size > buf.byteSize()) {
            throw new IllegalArgumentException("message size " + size + " is outside the buffer of " + buf.byteSize());
        }
        long at = HEADER_SIZE;
        int[] ports = new int[0];
        long oolAddress = 0;
        int oolSize = -1;
        if ((bits & COMPLEX) != 0) {
            int count = buf.get(JAVA_INT, COUNT);
            at += BODY_SIZE;
            ports = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                int type = Byte.toUnsignedInt(buf.get(JAVA_BYTE, at + PORT_TYPE)); // byte 11 of every descriptor
                if (type == PORT_TYPE_CODE) {
                    ports[n++] = buf.get(JAVA_INT, at + PORT_NAME);
                    at += PORT_DESCRIPTOR_SIZE;
                } else if (type == OOL_TYPE_CODE && oolSize < 0) {
                    oolAddress = buf.get(JAVA_LONG_UNALIGNED, at + OOL_ADDRESS);
                    oolSize = buf.get(JAVA_INT, at + OOL_SIZE);
                    at += OOL_DESCRIPTOR_SIZE;
                } else {
                    throw new IllegalArgumentException("descriptor " + i + " has type " + type
                            + " (this layout has port descriptors and one out-of-line body)");
                }
            }
            ports = java.util.Arrays.copyOf(ports, n);
        }
        int inlineLength = buf.get(JAVA_INT, at);
        if (inlineLength < 0 || at + 4 + inlineLength > size) {
            throw new IllegalArgumentException("inline length " + inlineLength + " does not fit the message of " + size
                    + " bytes");
        }
        return new Parsed(id, size, ports, oolAddress, oolSize, at + 4, inlineLength);
    }

    private static int roundUp4(int n) {
        return (n + 3) & ~3;
    }

    private static int size(CStruct s) {
        return (int) s.layout(MAC).byteSize();
    }

    private static long offset(CStruct s, String field) {
        return s.layout(MAC).byteOffset(MemoryLayout.PathElement.groupElement(field));
    }
}
