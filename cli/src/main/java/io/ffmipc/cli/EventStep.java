package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.IpcPlatform;

import java.util.List;

/**
 * Ping-pong on two unnamed events the peer inherits at its start (on Linux: eventfds passed as
 * descriptors), one per direction, in semaphore mode so each wait takes one signal.
 */
final class EventStep extends TourStep {
    private Event toPeer;
    private Event toParent;

    @Override
    String id() {
        return "event";
    }

    @Override
    String title() {
        return "inherited event ping-pong";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.EVENT, Capability.HANDLE_PASSING);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        toPeer = tour.platform().event(EventMode.SEMAPHORE);
        toParent = tour.platform().event(EventMode.SEMAPHORE);
        return launcher.inherit(toPeer) + "," + launcher.inherit(toParent);
    }

    @Override
    String run(Tour tour) {
        RoundTrips.Stats stats = RoundTrips.parent(tour.settings(), signal(toPeer), signal(toParent));
        return "handles " + toPeer.osHandle() + " and " + toParent.osHandle() + " inherited by the peer: " + stats;
    }

    @Override
    void cleanup(Tour tour) {
        if (toPeer != null) {
            toPeer.close();
        }
        if (toParent != null) {
            toParent.close();
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        String[] tokens = argument.split(",", 2);
        if (tokens.length != 2) {
            throw new IllegalArgumentException("the event step needs two inherited-event tokens, got '" + argument + "'");
        }
        try (Event in = platform.inheritedEvent(tokens[0], EventMode.SEMAPHORE);
             Event out = platform.inheritedEvent(tokens[1], EventMode.SEMAPHORE)) {
            RoundTrips.peer(settings, signal(in), signal(out));
        }
    }

    private static Signal signal(Event e) {
        return Signal.of(e::signal, timeout -> e.await(timeout) > 0);
    }
}
