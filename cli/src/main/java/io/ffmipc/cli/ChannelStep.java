package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.Channel;
import io.ffmipc.ChannelOptions;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageHandler;
import io.ffmipc.OpenMode;
import io.ffmipc.WaitStrategy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;

/**
 * The shared-memory channel: an 8-byte ping-pong through one channel whose both ends busy-spin
 * (no system call at all), then through one whose both ends park (a futex wake per message).
 */
final class ChannelStep extends TourStep {
    private static final int CAPACITY = 64 * 1024;
    private static final MessageHandler IGNORE = (buffer, offset, length) -> { };
    private Channel spin;
    private Channel park;

    @Override
    String id() {
        return "channel";
    }

    @Override
    String title() {
        return "shared-memory channel ping-pong";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.CHANNEL);
    }

    private static ChannelOptions options(WaitStrategy strategy) {
        return ChannelOptions.defaults().withCapacity(CAPACITY).withWaitStrategy(strategy);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        spin = tour.platform().channel(tour.name("ch-spin"), OpenMode.CREATE, options(WaitStrategy.BUSY_SPIN));
        park = tour.platform().channel(tour.name("ch-park"), OpenMode.CREATE, options(WaitStrategy.PARK));
        return spin.name() + "," + park.name();
    }

    @Override
    String run(Tour tour) {
        RoundTrips.Stats spinning = RoundTrips.parent(tour.settings(), sender(spin), receiver(spin));
        RoundTrips.Stats parking = RoundTrips.parent(tour.settings(), sender(park), receiver(park));
        return "'" + spin.name() + "' busy-spin: " + spinning + "; '" + park.name() + "' park: " + parking;
    }

    @Override
    void cleanup(Tour tour) {
        for (Channel c : new Channel[] {spin, park}) {
            if (c != null) {
                c.close();
                tour.platform().removeChannel(c.name());
            }
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        String[] names = argument.split(",", 2);
        if (names.length != 2) {
            throw new IllegalArgumentException("the channel step needs two channel names, got '" + argument + "'");
        }
        try (Channel s = platform.channel(names[0], OpenMode.OPEN, options(WaitStrategy.BUSY_SPIN))) {
            RoundTrips.peer(settings, receiver(s), sender(s));
        }
        try (Channel p = platform.channel(names[1], OpenMode.OPEN, options(WaitStrategy.PARK))) {
            RoundTrips.peer(settings, receiver(p), sender(p));
        }
    }

    /** Sends one 8-byte message per signal (the ring has room: the peer answers every ping). */
    private static Signal sender(Channel channel) {
        MemorySegment ping = Arena.ofAuto().allocate(8);
        return new Signal() {
            @Override
            public void signal() {
                channel.send(ping);
            }

            @Override
            public boolean await(Duration timeout) {
                throw new UnsupportedOperationException("a sender does not wait");
            }
        };
    }

    private static Signal receiver(Channel channel) {
        return new Signal() {
            @Override
            public void signal() {
                throw new UnsupportedOperationException("a receiver does not signal");
            }

            @Override
            public boolean await(Duration timeout) {
                return channel.receive(IGNORE, timeout);
            }
        };
    }
}
