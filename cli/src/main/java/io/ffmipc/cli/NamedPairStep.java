package io.ffmipc.cli;

import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;

/**
 * A tour step that ping-pongs on two named objects of one kind: the tour creates "BASE-ping" (tour
 * to peer) and "BASE-pong" (peer to tour), the peer opens both by name, and the tour closes and
 * removes them afterwards. Subclasses say how to create, open, remove and signal their kind.
 */
abstract class NamedPairStep<T extends AutoCloseable> extends TourStep {
    private T ping;
    private T pong;
    private String base;

    /** The word {@link Tour#name} makes the base name from, such as {@code sem}. */
    abstract String namePrefix();

    abstract T create(IpcPlatform platform, String name);

    abstract T open(IpcPlatform platform, String name);

    abstract void remove(IpcPlatform platform, String name);

    abstract Signal signal(T object);

    @Override
    final String prepare(Tour tour, ChildLauncher launcher) {
        base = tour.name(namePrefix());
        ping = create(tour.platform(), base + "-ping");
        pong = create(tour.platform(), base + "-pong");
        return base;
    }

    @Override
    final String run(Tour tour) {
        RoundTrips.Stats stats = RoundTrips.parent(tour.settings(), signal(ping), signal(pong));
        return "'" + base + "-ping' / '" + base + "-pong': " + stats;
    }

    @Override
    final void cleanup(Tour tour) {
        if (ping != null) {
            close(ping);
            remove(tour.platform(), base + "-ping");
        }
        if (pong != null) {
            close(pong);
            remove(tour.platform(), base + "-pong");
        }
    }

    @Override
    final void peer(IpcPlatform platform, String argument, TourSettings settings) {
        T in = open(platform, argument + "-ping");
        try {
            T out = open(platform, argument + "-pong");
            try {
                RoundTrips.peer(settings, signal(in), signal(out));
            } finally {
                close(out);
            }
        } finally {
            close(in);
        }
    }

    /** The IPC types' close() throws nothing checked; AutoCloseable's signature says it might. */
    private static void close(AutoCloseable object) {
        try {
            object.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing " + object + ": " + e, e);
        }
    }
}
