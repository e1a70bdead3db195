package io.ffmipc.channel;

import io.ffmipc.testkit.JdkProcessSeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EnabledOnOs({OS.LINUX, OS.MAC}) // starts `sleep`
class ProcessStampTest {
    private final ProcessStamp stamps = new ProcessStamp(new JdkProcessSeam());

    @Test
    void thisProcessIsAliveAndItsPidIsInTheLowBits() {
        assertTrue(stamps.alive(stamps.self()));
        assertEquals(ProcessHandle.current().pid(), ProcessStamp.pid(stamps.self()));
        assertTrue(stamps.self() > 0, "positive: the channel keeps the sign for 'closed'");
    }

    /**
     * A live process is alive under its own stamp only: the same pid with another start time is
     * what a dead peer looks like after its pid was reused, and it counts as dead. Once the process
     * is gone its own stamp is dead too.
     */
    @Test
    void aReusedPidIsNotTakenForTheProcessThatHadIt() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            long stamp = stamps.of(sleeper.pid());
            assertTrue(stamps.alive(stamp));
            long otherStart = stamp ^ (1L << 40); // same pid, another start time
            assertFalse(stamps.alive(otherStart), "a pid reused by a later process is not the peer");
            long unknownStart = ProcessStamp.pid(stamp); // start key 0: only the pid can be checked
            assertTrue(stamps.alive(unknownStart));
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertFalse(stamps.alive(stamp), "gone");
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
