package io.ffmipc.bench;

import java.util.List;

import io.ffmipc.SharedMemory;

/** The library's named shared memory with both sides busy-spinning on the ring: no system call per message. */
final class ShmSpinMechanism implements Mechanism {

    @Override
    public String name() {
        return "shm-spin";
    }

    @Override
    public String title() {
        return "POSIX shared memory ring, busy-spin (no wake-up)";
    }

    @Override
    public String cReference() {
        return "c-spin";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        SharedMemory shm = PlainRingLink.createMemory(name());
        PlainRingLink link = PlainRingLink.driver(shm, null, null);
        peer.start(List.of(shm.name()));
        return link;
    }

    @Override
    public Link openPeer(List<String> args) {
        return PlainRingLink.peer(args.get(0), null, null);
    }
}
