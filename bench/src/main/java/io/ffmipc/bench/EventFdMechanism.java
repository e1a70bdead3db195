package io.ffmipc.bench;

import java.time.Duration;
import java.util.List;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;
import io.ffmipc.SharedMemory;

/** The library's eventfd events in counter mode, handed to the peer by the library's launcher. */
final class EventFdMechanism implements Mechanism {

    @Override
    public String name() {
        return "eventfd";
    }

    @Override
    public String title() {
        return "eventfd (inherited through the launcher), counter mode + shm ring";
    }

    @Override
    public String cReference() {
        return "c-eventfd";
    }

    @Override
    public Link openDriver(PeerStarter peer) {
        SharedMemory shm = PlainRingLink.createMemory(name());
        Event toPeer = Ipc.platform().event(EventMode.COUNTER);
        Event toDriver = Ipc.platform().event(EventMode.COUNTER);
        PlainRingLink link = PlainRingLink.driver(shm, bell(toPeer), bell(toDriver));
        peer.start(List.of(shm.name()), toPeer, toDriver);
        return link;
    }

    @Override
    public Link openPeer(List<String> args) {
        Event toPeer = Ipc.platform().inheritedEvent(args.get(1), EventMode.COUNTER);
        Event toDriver = Ipc.platform().inheritedEvent(args.get(2), EventMode.COUNTER);
        return PlainRingLink.peer(args.get(0), bell(toPeer), bell(toDriver));
    }

    private static Doorbell bell(Event e) {
        return new Doorbell() {
            @Override
            public void ring() {
                e.signal();
            }

            @Override
            public long await(Duration timeout) {
                return e.await(timeout);
            }

            @Override
            public void close() {
                e.close();
            }
        };
    }
}
