package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.Durations;

/**
 * A {@link Link} over two {@link PlainRing}s in one named shared-memory object (driver → peer at
 * offset 0, peer → driver after it), each direction with its own {@link Doorbell}; without
 * doorbells the consumer busy-spins on the next slot's sequence.
 */
final class PlainRingLink implements Link {
    /** Where mechanisms that wait on a word of the shared memory (futex) keep it: one 128-byte line per direction. */
    static final long WORDS = 2 * PlainRing.BYTES;
    static final long SHM_BYTES = WORDS + 256;

    private final PlainRing out;
    private final PlainRing in;
    private final Doorbell outBell;
    private final Doorbell inBell;
    private final List<AutoCloseable> resources;
    private long credits;

    private PlainRingLink(PlainRing out, PlainRing in, Doorbell outBell, Doorbell inBell, List<AutoCloseable> resources) {
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
    static PlainRingLink driver(SharedMemory shm, Doorbell toPeer, Doorbell toDriver, AutoCloseable... more) {
        MemorySegment m = shm.segment();
        List<AutoCloseable> res = new ArrayList<>(List.of(more));
        res.add(shm::unlink);
        res.add(shm);
        return new PlainRingLink(new PlainRing(m, 0, "driver → peer"), new PlainRing(m, PlainRing.BYTES, "peer → driver"),
                toPeer, toDriver, withBells(res, toPeer, toDriver));
    }

    /** The driver's shared memory, opened by name in the peer. */
    static SharedMemory openMemory(String shmName) {
        return Ipc.platform().sharedMemory(shmName, OpenMode.OPEN, 0);
    }

    /** The peer's end over the driver's shared memory, opened by name. */
    static PlainRingLink peer(String shmName, Doorbell toPeer, Doorbell toDriver, AutoCloseable... more) {
        return peer(openMemory(shmName), toPeer, toDriver, more);
    }

    /** The peer's end over the driver's shared memory; closing the link closes (not removes) it. */
    static PlainRingLink peer(SharedMemory shm, Doorbell toPeer, Doorbell toDriver, AutoCloseable... more) {
        MemorySegment m = shm.segment();
        List<AutoCloseable> res = new ArrayList<>(List.of(more));
        res.add(shm);
        return new PlainRingLink(new PlainRing(m, PlainRing.BYTES, "peer → driver"), new PlainRing(m, 0, "driver → peer"),
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
        awaitOne();
        in.read(into, length);
    }

    /** Waits until the next message is published: spinning without a bell, else for one of its rings. */
    private void awaitOne() {
        if (inBell == null) {
            in.spinUntilAvailable();
            return;
        }
        if (credits == 0) {
            credits = inBell.await(PATIENCE);
            if (credits == 0) {
                throw new BenchFailure("no message within " + Durations.format(PATIENCE));
            }
        }
        credits--;
    }

    /** Whether another message is known to be published without waiting: a ring already counted, or (spinning) a record. */
    private boolean anotherWaiting() {
        if (inBell == null) {
            return in.available();
        }
        if (credits == 0) {
            return false;
        }
        credits--;
        return true;
    }

    @Override
    public boolean receiveBatch(MemorySegment into, int length, StreamSink sink) {
        awaitOne();
        for (int taken = 1; ; taken++) {
            int stored = in.length();
            if (stored != length) {
                throw new SequenceException("a streamed message of " + stored + " bytes, expected " + length);
            }
            boolean last = sink.accept(in.memory(), in.payloadOffset(), length);
            in.take();
            if (last || taken == PlainRing.BATCH || !anotherWaiting()) {
                in.release(); // the consumer's count is published once per batch
                return last;
            }
        }
    }

    @Override
    public void close() {
        Closer.closeAll(resources);
    }
}
