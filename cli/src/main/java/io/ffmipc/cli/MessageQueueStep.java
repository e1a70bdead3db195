package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.spi.Durations;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two named message queues, "-req" (tour to peer) and "-rep" (peer to tour). Before the peer
 * starts, the tour queues three messages at priorities 1, 9 and 5; the peer receives them (highest
 * first) and answers with the order it saw. Then a ping-pong of 8-byte messages through both queues.
 */
final class MessageQueueStep extends TourStep {
    private static final String[] QUEUED = {"low:1", "high:9", "mid:5"};
    private MessageQueue req;
    private MessageQueue rep;

    @Override
    String id() {
        return "mq";
    }

    @Override
    String title() {
        return "message queue";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.MESSAGE_QUEUE);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        String base = tour.name("mq");
        MessageQueueOptions small = MessageQueueOptions.defaults().withMaxMessages(8).withMaxMessageSize(128);
        req = tour.platform().messageQueue(base + "-req", OpenMode.CREATE, small);
        rep = tour.platform().messageQueue(base + "-rep", OpenMode.CREATE, small);
        for (String m : QUEUED) {
            int colon = m.indexOf(':');
            int priority = Math.min(Integer.parseInt(m.substring(colon + 1)), req.maxPriority());
            req.send(m.substring(0, colon).getBytes(StandardCharsets.UTF_8), priority, Duration.ZERO);
        }
        return base;
    }

    @Override
    String run(Tour tour) {
        Optional<MessageQueue.Message> order = rep.receive(tour.settings().timeout());
        if (order.isEmpty()) {
            throw new TourTimeoutException("the peer did not report the order of the queued messages within "
                    + Durations.format(tour.settings().timeout()));
        }
        try (Arena arena = Arena.ofConfined()) {
            RoundTrips.Stats stats = RoundTrips.parent(tour.settings(), signal(req, arena), signal(rep, arena));
            return "'" + req.name() + "' / '" + rep.name() + "': peer received "
                    + new String(order.get().data(), StandardCharsets.UTF_8) + "; " + stats;
        }
    }

    @Override
    void cleanup(Tour tour) {
        for (MessageQueue q : new MessageQueue[] {req, rep}) {
            if (q != null) {
                q.close();
                tour.platform().removeMessageQueue(q.name());
            }
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (MessageQueue in = platform.messageQueue(argument + "-req", OpenMode.OPEN);
             MessageQueue out = platform.messageQueue(argument + "-rep", OpenMode.OPEN);
             Arena arena = Arena.ofConfined()) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < QUEUED.length; i++) {
                MessageQueue.Message m = in.receive(settings.timeout()).orElseThrow(() ->
                        new TourTimeoutException("no queued message within " + Durations.format(settings.timeout())));
                seen.add(new String(m.data(), StandardCharsets.UTF_8) + "@" + m.priority());
            }
            out.send(String.join(" ", seen).getBytes(StandardCharsets.UTF_8), 0, settings.timeout());
            RoundTrips.peer(settings, signal(in, arena), signal(out, arena));
        }
    }

    /** One direction of the ping-pong: 8-byte messages, sent and received without allocation. */
    private static Signal signal(MessageQueue q, Arena arena) {
        MemorySegment msg = arena.allocate(8);
        MemorySegment buf = arena.allocate(q.maxMessageSize());
        return Signal.of(() -> q.send(msg, 0), timeout -> q.receive(buf, timeout) >= 0);
    }
}
