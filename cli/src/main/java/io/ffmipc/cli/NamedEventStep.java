package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.EventKind;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NamedEvent;
import io.ffmipc.OpenMode;

import java.time.Duration;
import java.util.List;

/**
 * Ping-pong on two named auto-reset events, opened by name in the peer (shared memory + a futex
 * on Linux): the tour sets "ping", the peer answers by setting "pong".
 */
final class NamedEventStep extends TourStep {
    private NamedEvent ping;
    private NamedEvent pong;

    @Override
    String id() {
        return "named-event";
    }

    @Override
    String title() {
        return "named event ping-pong";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.EVENT);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        String base = tour.name("event");
        ping = tour.platform().event(base + "-ping", OpenMode.CREATE, EventKind.AUTO_RESET);
        pong = tour.platform().event(base + "-pong", OpenMode.CREATE, EventKind.AUTO_RESET);
        return base;
    }

    @Override
    String run(Tour tour) {
        RoundTrips.Stats stats = RoundTrips.parent(tour.settings(), signal(ping), signal(pong));
        return "'" + ping.name() + "' / '" + pong.name() + "': " + stats;
    }

    @Override
    void cleanup(Tour tour) {
        for (NamedEvent e : new NamedEvent[] {ping, pong}) {
            if (e != null) {
                e.close();
                tour.platform().removeEvent(e.name());
            }
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (NamedEvent in = platform.event(argument + "-ping", OpenMode.OPEN, EventKind.AUTO_RESET);
             NamedEvent out = platform.event(argument + "-pong", OpenMode.OPEN, EventKind.AUTO_RESET)) {
            RoundTrips.peer(settings, signal(in), signal(out));
        }
    }

    private static Signal signal(NamedEvent e) {
        return new Signal() {
            @Override
            public void signal() {
                e.set();
            }

            @Override
            public boolean await(Duration timeout) {
                return e.await(timeout);
            }
        };
    }
}
