package io.ffmipc.bench;

import java.time.Duration;
import java.util.List;

import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.OpenMode;
import io.ffmipc.SharedMemory;
import io.ffmipc.Ipc;
import io.ffmipc.SystemV;

/** The library's System V semaphore set ({@code semop}): semaphore 0 rings the peer, 1 the driver. */
final class SysVSemaphoreMechanism implements Mechanism {

    @Override
    public String name() {
        return "sysv-sem";
    }

    @Override
    public String title() {
        return "System V semaphore (semop / semtimedop) + shm ring";
    }

    @Override
    public String cReference() {
        return "c-sysv-sem";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        SystemV.SemaphoreSet set = create();
        SharedMemory shm;
        try {
            shm = PlainRingLink.createMemory(name());
        } catch (RuntimeException e) {
            set.remove();
            set.close();
            throw e;
        }
        PlainRingLink link = PlainRingLink.driver(shm, bell(set, 0), bell(set, 1), set::remove, set::close);
        peer.start(List.of(shm.name(), Integer.toString(set.key())));
        return link;
    }

    private static SystemV.SemaphoreSet create() {
        for (int attempt = 0; ; attempt++) {
            try {
                return Ipc.platform().systemV().orElseThrow().semaphoreSet(BenchNames.sysVKey(), OpenMode.CREATE, 2, 0);
            } catch (IpcObjectExistsException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Link openPeer(List<String> args) {
        SystemV.SemaphoreSet set = Ipc.platform().systemV().orElseThrow().semaphoreSet(Integer.parseInt(args.get(1)), OpenMode.OPEN, 2);
        return PlainRingLink.peer(args.get(0), bell(set, 0), bell(set, 1), set);
    }

    /** Semaphore {@code index} of the set; the set itself is closed by the link. */
    private static Doorbell bell(SystemV.SemaphoreSet set, int index) {
        return new Doorbell() {
            @Override
            public void ring() {
                set.release(index, false);
            }

            @Override
            public long await(Duration timeout) {
                return set.tryAcquire(index, false, timeout) ? 1 : 0;
            }

            @Override
            public void close() {
                // the set is shared by both bells and closed once, by the link
            }
        };
    }
}
