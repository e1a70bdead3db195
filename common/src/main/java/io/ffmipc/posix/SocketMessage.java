package io.ffmipc.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A preallocated {@code msghdr} with two {@code iovec}s, a header buffer and a control buffer: what
 * one direction of a connection sends or receives with, so that sends and receives allocate
 * nothing. The header iovec points at the header buffer and the second at the caller's payload,
 * so a frame's kind and length go out with the payload without copying it.
 *
 * <pre>
 * msghdr | iovec[2] | header (8 bytes) | control: CMSG_SPACE(n * sizeof(int))
 * </pre>
 */
final class SocketMessage {
    /** Header bytes a frame may have before its payload. */
    static final int HEADER_CAPACITY = 8;
    private final SocketAbi abi;
    private final long controlCapacity;
    final MemorySegment msg;
    final MemorySegment header;
    final MemorySegment control;
    private final MemorySegment iov;
    private final MemorySegment iov2;

    /** @param descriptors how many descriptors the control buffer holds */
    SocketMessage(SocketAbi abi, Arena arena, int descriptors) {
        this.abi = abi;
        long iovOffset = SocketAbi.roundUp(abi.msghdrSize, 8);
        long headerOffset = iovOffset + 2 * abi.iovecSize;
        long controlOffset = headerOffset + HEADER_CAPACITY;
        this.controlCapacity = abi.cmsgSpace(descriptors);
        MemorySegment block = arena.allocate(controlOffset + controlCapacity, 8); // zeroed: no name, no flags
        this.msg = block.asSlice(0, abi.msghdrSize);
        this.iov = block.asSlice(iovOffset, abi.iovecSize);
        this.iov2 = block.asSlice(iovOffset + abi.iovecSize, abi.iovecSize);
        this.header = block.asSlice(headerOffset, HEADER_CAPACITY);
        this.control = block.asSlice(controlOffset, controlCapacity);
        SocketAbi.setPointer(msg, abi.msgIov, iov.address());
        SocketAbi.setPointer(iov, abi.iovBase, header.address());
    }

    /**
     * Gathers {@code headerLength} bytes of the header buffer, then {@code length} bytes at
     * {@code payload} (nothing if {@code length} is 0); no control data.
     */
    void prepare(long headerLength, MemorySegment payload, long length) {
        SocketAbi.setPointer(iov, abi.iovBase, header.address());
        abi.iovLen.set(iov, headerLength);
        if (length > 0) {
            SocketAbi.setPointer(iov2, abi.iovBase, payload.address());
            abi.iovLen.set(iov2, length);
        }
        abi.msgIovlen.set(msg, length > 0 ? 2 : 1);
        noControl();
    }

    /** One iovec of {@code length} bytes at the raw address {@code address}; no control data. */
    void prepareAt(long address, long length) {
        SocketAbi.setPointer(iov, abi.iovBase, address);
        abi.iovLen.set(iov, length);
        abi.msgIovlen.set(msg, 1);
        noControl();
    }

    private void noControl() {
        SocketAbi.setPointer(msg, abi.msgControl, 0);
        abi.msgControllen.set(msg, 0);
        abi.msgFlags.set(msg, 0);
    }

    /** Attaches one descriptor ({@code SCM_RIGHTS}) to the prepared message. */
    void attach(int fd) {
        control.fill((byte) 0);
        abi.cmsgLen.set(control, abi.cmsgLength(1));
        abi.cmsgLevel.set(control, abi.solSocket);
        abi.cmsgType.set(control, abi.scmRights);
        control.set(ValueLayout.JAVA_INT_UNALIGNED, abi.cmsgData, fd);
        SocketAbi.setPointer(msg, abi.msgControl, control.address());
        abi.msgControllen.set(msg, abi.cmsgSpace(1));
    }

    /** Offers the whole control buffer to a receive. */
    void offerControl() {
        control.fill((byte) 0);
        SocketAbi.setPointer(msg, abi.msgControl, control.address());
        abi.msgControllen.set(msg, controlCapacity);
    }

    /** Whether the kernel had to drop ancillary data that did not fit (descriptors it then closed). */
    boolean controlTruncated() {
        return (abi.msgFlags.get(msg) & abi.msgCtrunc) != 0;
    }

    /**
     * The descriptors a receive delivered ({@code SCM_RIGHTS}, in every control message), into
     * {@code out}; returns how many there were (more than {@code out.length} means some were not
     * stored: the caller closes what it stored and reports the rest).
     */
    int receivedDescriptors(int[] out) {
        long used = Math.min(abi.msgControllen.get(msg), controlCapacity);
        int count = 0;
        long at = 0;
        while (at + abi.cmsgData <= used) {
            MemorySegment c = control.asSlice(at);
            long len = abi.cmsgLen.get(c);
            if (len < abi.cmsgData || at + len > used) {
                break;
            }
            if (abi.cmsgLevel.get(c) == abi.solSocket && abi.cmsgType.get(c) == abi.scmRights) {
                for (long d = abi.cmsgData; d + 4 <= len; d += 4) {
                    if (count < out.length) {
                        out[count] = c.get(ValueLayout.JAVA_INT_UNALIGNED, d);
                    }
                    count++;
                }
            }
            at += SocketAbi.roundUp(len, abi.cmsgAlign);
        }
        return count;
    }
}
