package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;

import java.time.Duration;
import java.util.List;

/** Ping-pong on two named semaphores: the tour releases "ping", the peer answers on "pong". */
final class PosixSemaphoreStep extends TourStep {
    private Semaphore ping;
    private Semaphore pong;

    @Override
    String id() {
        return "sem";
    }

    @Override
    String title() {
        return "named semaphore ping-pong";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.SEMAPHORE);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        String base = tour.name("sem");
        ping = tour.platform().semaphore(base + "-ping", OpenMode.CREATE, 0);
        pong = tour.platform().semaphore(base + "-pong", OpenMode.CREATE, 0);
        return base;
    }

    @Override
    String run(Tour tour) {
        RoundTrips.Stats stats = RoundTrips.parent(tour.settings(), signal(ping), signal(pong));
        return "'" + ping.name() + "' / '" + pong.name() + "': " + stats;
    }

    @Override
    void cleanup(Tour tour) {
        for (Semaphore s : new Semaphore[] {ping, pong}) {
            if (s != null) {
                s.close();
                tour.platform().removeSemaphore(s.name());
            }
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (Semaphore in = platform.semaphore(argument + "-ping", OpenMode.OPEN, 0);
             Semaphore out = platform.semaphore(argument + "-pong", OpenMode.OPEN, 0)) {
            RoundTrips.peer(settings, signal(in), signal(out));
        }
    }

    private static Signal signal(Semaphore s) {
        return new Signal() {
            @Override
            public void signal() {
                s.release();
            }

            @Override
            public boolean await(Duration timeout) {
                return s.tryAcquire(timeout);
            }
        };
    }
}
