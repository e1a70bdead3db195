package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hot paths of semaphores, message queues, events and the channel allocate nothing per call once compiled
 * (what lets a latency-bound application use them without garbage): release and acquire, send and
 * receive with segments, signal with poll or await — each with and without a timeout — and the
 * channel's offer + receive into a segment and tryOffer + poll in place. Each runs in
 * its own child JVM ({@link AllocationProbe}) with the full JIT: FFM downcalls are allocation-free
 * only after C2 has inlined them (the C1-only JVM of {@link ChildJvm} allocates about 80 bytes per
 * downcall), so the probe waits for a round without allocation rather than timing the JIT.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HotPathAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"semaphore", "semaphore-timed", "queue", "queue-timed", "event", "event-timed",
            "channel", "channel-poll"})
    void aWarmHotPathAllocatesNothing(String kind) throws Exception {
        String name = TestNames.unique("alloc-" + kind);
        List<String> command = new ArrayList<>(ChildJvm.command(AllocationProbe.class, kind, name));
        command.remove("-XX:TieredStopAtLevel=1");
        Path out = Files.createTempFile("ffmipc-alloc-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(100, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(kind + ": the probe did not finish; it said:\n" + Files.readString(out));
            }
            assertEquals(0, p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
            // the probe removes its object; this is for a probe that was killed
            Ipc.platform().removeSemaphore(name);
            Ipc.platform().removeMessageQueue(name);
        }
    }
}
