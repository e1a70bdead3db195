package io.ffmipc.bench;

import java.time.Duration;
import java.util.List;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;

/** The library's named POSIX semaphores ({@code sem_open}) as doorbells, one per direction. */
final class PosixSemaphoreMechanism implements Mechanism {

    @Override
    public String name() {
        return "posix-sem";
    }

    @Override
    public String title() {
        return "POSIX named semaphore (sem_post / sem_clockwait) + shm ring";
    }

    @Override
    public String cReference() {
        return "c-posix-sem";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        SharedMemory shm = PlainRingLink.createMemory(name());
        Semaphore toPeer = null;
        Semaphore toDriver = null;
        try {
            toPeer = Ipc.platform().semaphore(BenchNames.unique("sem"), OpenMode.CREATE, 0);
            toDriver = Ipc.platform().semaphore(BenchNames.unique("sem"), OpenMode.CREATE, 0);
            PlainRingLink link = PlainRingLink.driver(shm, bell(toPeer, true), bell(toDriver, true));
            peer.start(List.of(shm.name(), toPeer.name(), toDriver.name()));
            return link;
        } catch (RuntimeException e) {
            Closer.closeAll(List.<AutoCloseable>of(shm::unlink, shm));
            for (Semaphore s : new Semaphore[] {toPeer, toDriver}) {
                if (s != null) {
                    s.unlink();
                    s.close();
                }
            }
            throw e;
        }
    }

    @Override
    public Link openPeer(List<String> args) {
        Semaphore toPeer = Ipc.platform().semaphore(args.get(1), OpenMode.OPEN, 0);
        Semaphore toDriver = Ipc.platform().semaphore(args.get(2), OpenMode.OPEN, 0);
        return PlainRingLink.peer(args.get(0), bell(toPeer, false), bell(toDriver, false));
    }

    private static Doorbell bell(Semaphore s, boolean owner) {
        return new Doorbell() {
            @Override
            public void ring() {
                s.release();
            }

            @Override
            public long await(Duration timeout) {
                return s.tryAcquire(timeout) ? 1 : 0;
            }

            @Override
            public void close() {
                if (owner) {
                    s.unlink();
                }
                s.close();
            }
        };
    }
}
