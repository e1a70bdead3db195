package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.Durations;

/**
 * A {@link Link} over two {@link SlotRing}s in one named shared-memory object (driver → peer at
 * offset 0, peer → driver after it), each direction with its own {@link Doorbell}; without
 * doorbells the consumer busy-spins on the ring's published count.
 */
final class SlotRingLink implements Link {
    /** Where mechanisms that wait on a word of the shared memory (futex) keep it: one 128-byte line per direction. */
    static final long WORDS = 2 * SlotRing.BYTES;
    static final long SHM_BYTES = WORDS + 256;

    private final SlotRing out;
    private final SlotRing in;
    private final Doorbell outBell;
    private final Doorbell inBell;
    private final List<AutoCloseable> resources;
    private long credits;

    private SlotRingLink(SlotRing out, SlotRing in, Doorbell outBell, Doorbell inBell, List<AutoCloseable> resources) {
        this.out = out;
        this.in = in;
        this.outBell = outBell;
        this.inBell = inBell;
        this.resources = resources;
    }

    /** A fresh shared-memory object for a link; the caller hands its name to the peer. */
    static SharedMemory createMemory(String mechanism) {
        return Ipc.platform().sharedMemory(BenchNames.unique(mechanism), OpenMode.CREATE, SHM_BYTES);
    }

    /** The driver's end; closing it closes the bells and removes the shared memory. */
    static SlotRingLink driver(SharedMemory shm, Doorbell toPeer, Doorbell toDriver, AutoCloseable... more) {
        MemorySegment m = shm.segment();
        List<AutoCloseable> res = new ArrayList<>(List.of(more));
        res.add(shm::unlink);
        res.add(shm);
        return new SlotRingLink(new SlotRing(m, 0, "driver → peer"), new SlotRing(m, SlotRing.BYTES, "peer → driver"),
                toPeer, toDriver, withBells(res, toPeer, toDriver));
    }

    /** The driver's shared memory, opened by name in the peer. */
    static SharedMemory openMemory(String shmName) {
        return Ipc.platform().sharedMemory(shmName, OpenMode.OPEN, 0);
    }

    /** The peer's end over the driver's shared memory, opened by name. */
    static SlotRingLink peer(String shmName, Doorbell toPeer, Doorbell toDriver, AutoCloseable... more) {
        return peer(openMemory(shmName), toPeer, toDriver, more);
    }

    /** The peer's end over the driver's shared memory; closing the link closes (not removes) it. */
    static SlotRingLink peer(SharedMemory shm, Doorbell toPeer, Doorbell toDriver, AutoCloseable... more) {
        MemorySegment m = shm.segment();
        List<AutoCloseable> res = new ArrayList<>(List.of(more));
        res.add(shm);
        return new SlotRingLink(new SlotRing(m, SlotRing.BYTES, "peer → driver"), new SlotRing(m, 0, "driver → peer"),
                toDriver, toPeer, withBells(res, toPeer, toDriver));
    }

    private static List<AutoCloseable> withBells(List<AutoCloseable> res, Doorbell a, Doorbell b) {
        if (a != null) {
            res.add(0, a);
        }
        if (b != null && b != a) {
            res.add(0, b);
        }
        return res;
    }

    @Override
    public void send(MemorySegment message, int length) {
        out.write(message, length);
        if (outBell != null) {
            outBell.ring();
        }
    }

    @Override
    public void receive(MemorySegment into, int length) {
        if (inBell == null) {
            in.spinUntilAvailable();
        } else if (credits == 0) {
            credits = inBell.await(PATIENCE);
            if (credits == 0) {
                throw new BenchFailure("no message within " + Durations.format(PATIENCE));
            }
        }
        if (inBell != null) {
            credits--;
        }
        in.read(into, length);
    }

    @Override
    public void close() {
        Closer.closeAll(resources);
    }
}
