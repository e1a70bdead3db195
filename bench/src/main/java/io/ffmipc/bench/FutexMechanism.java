package io.ffmipc.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;

import io.ffmipc.SharedMemory;
import io.ffmipc.Ipc;
import io.ffmipc.WaitWord;

/**
 * The library's {@link WaitWord} (a shared futex on Linux) on a 32-bit word per direction in the
 * shared memory, used as a counter: the producer adds one and wakes, the consumer sleeps while the
 * word is unchanged.
 */
final class FutexMechanism implements Mechanism {
    private static final VarHandle WORD = ValueLayout.JAVA_INT.varHandle();

    @Override
    public String name() {
        return "futex";
    }

    @Override
    public String title() {
        return "futex word as counter (WaitWord wake / await: a shared futex on Linux) + shm ring";
    }

    @Override
    public String cReference() {
        return "c-futex";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        SharedMemory shm = PlainRingLink.createMemory(name());
        PlainRingLink link = PlainRingLink.driver(shm, bell(shm, 0), bell(shm, 1));
        peer.start(List.of(shm.name()));
        return link;
    }

    @Override
    public Link openPeer(List<String> args) {
        SharedMemory shm = PlainRingLink.openMemory(args.get(0));
        return PlainRingLink.peer(shm, bell(shm, 0), bell(shm, 1));
    }

    private static Doorbell bell(SharedMemory shm, int direction) {
        long offset = PlainRingLink.WORDS + 128L * direction;
        MemorySegment memory = shm.segment();
        WaitWord word = Ipc.platform().waitWord(shm, offset);
        return new Doorbell() {
            private int seen;

            @Override
            public void ring() {
                // release: the ring's published count is visible before the word that announces it
                WORD.getAndAddRelease(memory, offset, 1);
                word.wake(1);
            }

            @Override
            public long await(Duration timeout) {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (true) {
                    int v = (int) WORD.getAcquire(memory, offset);
                    if (v != seen) {
                        long n = Integer.toUnsignedLong(v - seen);
                        seen = v;
                        return n;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return 0;
                    }
                    word.await(v, Duration.ofNanos(left));
                }
            }

            @Override
            public void close() {
                word.close(); // the word itself lives in the link's shared memory
            }
        };
    }
}
