package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.PeerIdentity;
import io.ffmipc.spi.Durations;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;

/**
 * Ping-pong of one-byte messages over a message pipe: the tour listens under a name, the peer
 * connects; each side reports who the OS says the other is (pid, uid, gid).
 */
final class MessagePipeStep extends TourStep {
    private MessagePipeServer server;

    @Override
    String id() {
        return "msgpipe";
    }

    @Override
    String title() {
        return "message pipe ping-pong";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.MESSAGE_PIPE);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        server = tour.platform().messagePipeServer(tour.name("msgpipe"));
        return server.name();
    }

    @Override
    String run(Tour tour) {
        MessagePipe pipe = server.accept(tour.settings().timeout())
                .orElseThrow(() -> new TourTimeoutException("the peer did not connect within " + Durations.format(tour.settings().timeout())));
        try (pipe; Arena arena = Arena.ofConfined()) {
            PeerIdentity peer = pipe.peer();
            RoundTrips.Stats stats = RoundTrips.parent(tour.settings(), signal(pipe, arena), signal(pipe, arena));
            return "peer " + peer + " (as the kernel recorded it): " + stats;
        }
    }

    @Override
    void cleanup(Tour tour) {
        if (server != null) {
            server.close();
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (MessagePipe pipe = platform.connectMessagePipe(argument, settings.timeout());
             Arena arena = Arena.ofConfined()) {
            long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
            if (pipe.peer().pid() != parent) {
                throw new IllegalStateException("the server is " + pipe.peer() + ", not the tour (pid " + parent + ")");
            }
            RoundTrips.peer(settings, signal(pipe, arena), signal(pipe, arena));
        }
    }

    /** A one-byte message each way; the buffers are allocated once, so the loop allocates nothing. */
    private static Signal signal(MessagePipe pipe, Arena arena) {
        MemorySegment one = arena.allocate(1);
        return new Signal() {
            @Override
            public void signal() {
                if (!pipe.send(one, Duration.ofSeconds(10))) {
                    throw new TourTimeoutException("no room to send within 10 s");
                }
            }

            @Override
            public boolean await(Duration timeout) {
                long n = pipe.receive(one, timeout);
                if (n == MessagePipe.END_OF_STREAM) {
                    throw new IllegalStateException("the other side closed the pipe");
                }
                return n >= 0;
            }
        };
    }
}
