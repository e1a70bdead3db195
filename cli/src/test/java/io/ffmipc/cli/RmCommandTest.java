package io.ffmipc.cli;

import io.ffmipc.ChannelOptions;
import io.ffmipc.EventKind;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffmipc rm} removes every kind {@code ls} shows (and the sync kinds), by its own or ls's kind name. */
@ExtendWith(LeakCheck.class)
class RmCommandTest {

    @Test
    void everyNamedKindIsRemovedOnceThenReportedMissing() {
        IpcPlatform ipc = Ipc.platform();
        Map<String, Consumer<String>> makers = new LinkedHashMap<>();
        makers.put("posix-shm", n -> ipc.sharedMemory(n, OpenMode.CREATE, 4096).close());
        makers.put("sem", n -> ipc.semaphore(n, OpenMode.CREATE, 0).close());
        makers.put("posix-mq", n -> ipc.messageQueue(n, OpenMode.CREATE).close());
        makers.put("mutex", n -> ipc.mutex(n, OpenMode.CREATE).close());
        makers.put("fifo", ipc::createStreamPipe);
        makers.put("event", n -> ipc.event(n, OpenMode.CREATE, EventKind.AUTO_RESET).close());
        makers.put("condition", n -> ipc.condition(n, OpenMode.CREATE).close());
        makers.put("barrier", n -> ipc.barrier(n, OpenMode.CREATE, 2).close());
        makers.put("rwlock", n -> ipc.readWriteLock(n, OpenMode.CREATE).close());
        makers.put("channel", n -> ipc.channel(n, OpenMode.CREATE, ChannelOptions.defaults()).close());
        makers.put("shm-mq", n -> ipc.sharedMemoryMessageQueue(n, OpenMode.CREATE, MessageQueueOptions.defaults()).close());
        for (Map.Entry<String, Consumer<String>> e : makers.entrySet()) {
            String kind = e.getKey();
            String name = TestNames.unique("rm");
            e.getValue().accept(name);
            try {
                CliRun rm = CliRun.of("rm", kind, name);
                assertEquals(ExitCodes.OK, rm.exitCode(), kind + ": " + rm);
                assertTrue(rm.out().startsWith("removed ") && rm.out().contains("'" + name + "'"), kind + ": " + rm);
                CliRun again = CliRun.of("rm", kind, name);
                assertEquals(ExitCodes.ERROR, again.exitCode(), kind + ": " + again);
                assertTrue(again.err().startsWith("ffmipc: no such object: "), kind + ": " + again);
            } finally {
                CliRun.of("rm", kind, name);
            }
        }
    }

    @Test
    void aMessagePipeIsNotRemovableAndTheUsageSaysWhy() {
        CliRun r = CliRun.of("rm", "message-pipe", "x");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("goes away when it closes") && r.err().contains("rwlock"), r.toString());
        CliRun byKey = CliRun.of("rm", "mq", "--key", "0x10");
        assertEquals(ExitCodes.USAGE, byKey.exitCode(), byKey.toString());
        assertTrue(byKey.err().contains("removed by NAME"), byKey.toString());
    }
}
