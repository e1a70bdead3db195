package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.PassedHandle;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.Durations;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hands shared memory to the peer as a handle over a message pipe (SCM_RIGHTS on Linux). The
 * memory's name is removed before it is sent, so the peer can reach it only through the handle;
 * the peer writes its answer into it and says "done".
 */
final class HandlePassingStep extends TourStep {
    private static final int ANSWER_AT = 1024;
    private MessagePipeServer server;
    private SharedMemory shm;

    @Override
    String id() {
        return "handle";
    }

    @Override
    String title() {
        return "unnamed shared memory handed over as a handle";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.HANDLE_PASSING, Capability.MESSAGE_PIPE, Capability.ANONYMOUS_SHARED_MEMORY);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        server = tour.platform().messagePipeServer(tour.name("handle"));
        return server.name();
    }

    @Override
    String run(Tour tour) {
        shm = tour.platform().anonymousSharedMemory(4096); // no name: only its handle reaches it
        shm.segment().setString(0, "from pid " + ProcessHandle.current().pid());
        MessagePipe pipe = server.accept(tour.settings().timeout())
                .orElseThrow(() -> new TourTimeoutException("the peer did not connect within " + Durations.format(tour.settings().timeout())));
        try (pipe) {
            long handle = shm.handle().orElseThrow().osHandle();
            if (!pipe.sendHandle(shm.handle().orElseThrow(), tour.settings().timeout())) {
                throw new TourTimeoutException("no room to send within " + Durations.format(tour.settings().timeout()));
            }
            byte[] done = pipe.receive(tour.settings().timeout());
            if (done == null) {
                throw new TourTimeoutException("the peer did not answer within " + Durations.format(tour.settings().timeout()));
            }
            return "descriptor " + handle + " of unnamed shared memory (" + shm.name() + ") sent; the peer mapped it and wrote \""
                    + shm.segment().getString(ANSWER_AT) + "\"";
        }
    }

    @Override
    void cleanup(Tour tour) {
        if (shm != null) {
            shm.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (MessagePipe pipe = platform.connectMessagePipe(argument, settings.timeout());
             PassedHandle h = pipe.receiveHandle(settings.timeout())) {
            if (h == null) {
                throw new TourTimeoutException("no handle within " + Durations.format(settings.timeout()));
            }
            try (SharedMemory m = platform.sharedMemoryFromHandle(h)) {
                String text = m.segment().getString(0);
                m.segment().setString(ANSWER_AT, "pid " + ProcessHandle.current().pid() + " read '" + text + "'");
            }
            pipe.send("done".getBytes(StandardCharsets.US_ASCII), settings.timeout());
        }
    }
}
