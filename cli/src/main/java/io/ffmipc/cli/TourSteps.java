package io.ffmipc.cli;

import java.util.List;

/** Every tour step, in the order both processes run them (SEM_UNDO last: it ends the peer). */
final class TourSteps {

    private TourSteps() {
    }

    static List<TourStep> all() {
        return List.of(new PosixShmStep(), new MappedFileStep(), new SysVShmStep(), new PosixSemaphoreStep(),
                new SysVSemaphoreStep(), new EventStep(), new NamedEventStep(), new MessageQueueStep(),
                new FifoStep(), new MessagePipeStep(), new HandlePassingStep(),
                new ChannelStep(), new PersistentNamesStep(), new RobustMutexStep(), new SysVUndoStep());
    }

    static TourStep byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tour step '" + id + "'"));
    }
}
