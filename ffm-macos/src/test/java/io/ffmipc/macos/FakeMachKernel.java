package io.ffmipc.macos;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * Test-only: a Mach kernel simulated in Java for one task, as far as {@link MachPortsImpl} uses it:
 * port names with send-right counts, receive rights with queue limits, the bootstrap namespace,
 * {@code mach_msg} that copies messages (port rights counted, out-of-line bodies copied into regions
 * of this "task" that must be deallocated), appends an audit trailer, and answers a too-small
 * receive with MACH_RCV_TOO_LARGE and the size; and a count of names and regions, so a test can show
 * that nothing leaked. It reads messages at the offsets the facts give (header 24 bytes, descriptors
 * from 28: a port descriptor 12 bytes, out-of-line 16, type in byte 11), not with the code under test.
 */
final class FakeMachKernel implements MachKernel {
    static final int SUCCESS = 0;
    static final int INVALID_NAME = 15;
    static final int INVALID_RIGHT = 17;
    static final int INVALID_ADDRESS = 1;
    static final int SEND_INVALID_DEST = 0x10000003;
    static final int SEND_TIMED_OUT = 0x10000004;
    static final int RCV_TIMED_OUT = 0x10004003;
    static final int RCV_TOO_LARGE = 0x10004004;
    static final int UNKNOWN_SERVICE = 1102;
    static final int AUDIT_TRAILER = 52;

    /** What a name in the task stands for. */
    private static final class Port {
        final Deque<byte[]> queue = new ArrayDeque<>();
        int limit = 5;
        boolean receive;
        int sendRefs;
        boolean dead;
    }

    private final Arena arena = Arena.ofShared();
    private final Map<Integer, Port> names = new HashMap<>();
    private final Map<String, Integer> services = new HashMap<>();
    private final Map<Long, Long> regions = new HashMap<>();
    private int next = 0x103;
    int receives;
    int euid = 501;

    synchronized int names() {
        return names.size();
    }

    synchronized int regions() {
        return regions.size();
    }

    synchronized int sendRefs(int name) {
        Port p = names.get(name);
        return p == null ? 0 : p.sendRefs;
    }

    @Override
    public int task() {
        return 0x203;
    }

    @Override
    public int bootstrapPort() {
        return 0x307;
    }

    @Override
    public synchronized int portAllocate(int right, MemorySegment nameOut) {
        Port p = new Port();
        p.receive = true;
        int name = next;
        next += 0x100;
        names.put(name, p);
        nameOut.set(JAVA_INT, 0, name);
        return SUCCESS;
    }

    @Override
    public synchronized int portModRefs(int name, int right, int delta) {
        Port p = names.get(name);
        if (p == null) {
            return INVALID_NAME;
        }
        if (right != 1 || delta != -1 || !p.receive) {
            return INVALID_RIGHT;
        }
        p.receive = false;
        p.dead = true;
        p.queue.clear();
        services.values().removeIf(n -> n == name);
        if (p.sendRefs == 0) {
            names.remove(name);
        }
        return SUCCESS;
    }

    @Override
    public synchronized int portDeallocate(int name) {
        Port p = names.get(name);
        if (p == null) {
            return INVALID_NAME;
        }
        if (p.sendRefs == 0) {
            return INVALID_RIGHT;
        }
        if (--p.sendRefs == 0 && !p.receive) {
            names.remove(name);
        }
        return SUCCESS;
    }

    @Override
    public synchronized int portInsertRight(int name, int poly, int disposition) {
        Port p = names.get(name);
        if (p == null || !p.receive || poly != name || disposition != 20) {
            return INVALID_RIGHT;
        }
        p.sendRefs++;
        return SUCCESS;
    }

    @Override
    public synchronized int portSetQueueLimit(int name, int limit) {
        Port p = names.get(name);
        if (p == null || !p.receive) {
            return INVALID_RIGHT;
        }
        p.limit = limit;
        return SUCCESS;
    }

    @Override
    public synchronized int bootstrapCheckIn(MemorySegment serviceName, MemorySegment portOut) {
        String s = serviceName.getString(0);
        portAllocate(1, portOut);
        services.put(s, portOut.get(JAVA_INT, 0));
        return SUCCESS;
    }

    @Override
    public synchronized int bootstrapLookUp(MemorySegment serviceName, MemorySegment portOut) {
        Integer name = services.get(serviceName.getString(0));
        if (name == null) {
            return UNKNOWN_SERVICE;
        }
        names.get(name).sendRefs++;
        portOut.set(JAVA_INT, 0, name);
        return SUCCESS;
    }

    @Override
    public int msg(MemorySegment msg, int option, int sendSize, int receiveSize, int receiveName, int timeoutMillis) {
        if ((option & 1) != 0) {
            return send(msg.reinterpret(sendSize), sendSize);
        }
        synchronized (this) {
            int r = receive(msg.reinterpret(receiveSize), receiveSize, receiveName);
            if (r != RCV_TIMED_OUT || timeoutMillis == 0) {
                return r;
            }
        }
        sleep(timeoutMillis); // as the kernel would wait: nothing arrives in this single-task fake meanwhile
        synchronized (this) {
            return receive(msg.reinterpret(receiveSize), receiveSize, receiveName);
        }
    }

    private synchronized int send(MemorySegment m, int size) {
        Port dest = names.get(m.get(JAVA_INT, 8));
        if (dest == null || dest.dead) {
            return SEND_INVALID_DEST;
        }
        if (dest.queue.size() >= dest.limit) {
            return SEND_TIMED_OUT;
        }
        byte[] copy = m.asSlice(0, size).toArray(JAVA_BYTE);
        MemorySegment c = MemorySegment.ofArray(copy);
        if ((m.get(JAVA_INT, 0) & 0x80000000) != 0) {
            int count = m.get(JAVA_INT, 24);
            long at = 28;
            for (int i = 0; i < count; i++) {
                int type = m.get(JAVA_BYTE, at + 11);
                if (type == 0) { // a port right: the receiver gets a send right (PORT_SEND, 17)
                    Port p = names.get(m.get(JAVA_INT, at));
                    if (p == null) {
                        return 0x1000000a; // MACH_SEND_INVALID_RIGHT
                    }
                    p.sendRefs++;
                    c.set(JAVA_BYTE, at + 10, (byte) 17);
                    at += 12;
                } else { // out of line: copied into a region of the receiving task
                    long address = m.get(JAVA_LONG_UNALIGNED, at);
                    int length = m.get(JAVA_INT, at + 12);
                    MemorySegment region = arena.allocate(Math.max(1, length), 16);
                    MemorySegment.copy(MemorySegment.ofAddress(address).reinterpret(length), 0, region, 0, length);
                    regions.put(region.address(), (long) length);
                    c.set(JAVA_LONG_UNALIGNED, at, region.address());
                    at += 16;
                }
            }
        }
        dest.queue.add(copy);
        return SUCCESS;
    }

    private int receive(MemorySegment buf, int size, int name) {
        receives++;
        Port p = names.get(name);
        if (p == null || !p.receive) {
            return 0x10004002; // MACH_RCV_INVALID_NAME
        }
        byte[] m = p.queue.peek();
        if (m == null) {
            return RCV_TIMED_OUT;
        }
        if (m.length + AUDIT_TRAILER > size) {
            buf.set(JAVA_INT, 4, m.length); // MACH_RCV_LARGE: the size needed; the message stays queued
            return RCV_TOO_LARGE;
        }
        p.queue.remove();
        MemorySegment.copy(m, 0, buf, JAVA_BYTE, 0, m.length);
        long t = m.length;
        buf.asSlice(t, AUDIT_TRAILER).fill((byte) 0);
        buf.set(JAVA_INT, t, 0);
        buf.set(JAVA_INT, t + 4, AUDIT_TRAILER);
        buf.set(JAVA_INT, t + 20 + 4, euid); // audit token val[1]
        buf.set(JAVA_INT, t + 20 + 20, (int) ProcessHandle.current().pid()); // val[5]
        buf.set(JAVA_INT, t + 20 + 28, 1); // val[7]
        return SUCCESS;
    }

    @Override
    public synchronized int vmDeallocate(long address, long size) {
        Long length = regions.remove(address);
        return length != null && length == size ? SUCCESS : INVALID_ADDRESS;
    }

    @Override
    public synchronized int portNames(MemorySegment namesOut, MemorySegment namesCount, MemorySegment typesOut,
                                      MemorySegment typesCount) {
        int n = names.size();
        MemorySegment a = arena.allocate(Math.max(4, 4L * n), 4);
        MemorySegment b = arena.allocate(Math.max(4, 4L * n), 4);
        regions.put(a.address(), 4L * n);
        regions.put(b.address(), 4L * n);
        namesOut.set(ADDRESS, 0, a);
        typesOut.set(ADDRESS, 0, b);
        namesCount.set(JAVA_INT, 0, n);
        typesCount.set(JAVA_INT, 0, n);
        return SUCCESS;
    }

    @Override
    public String errorString(int code) {
        return "(fake) " + Integer.toHexString(code);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
