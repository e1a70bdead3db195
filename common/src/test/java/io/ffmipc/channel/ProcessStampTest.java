package io.ffmipc.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@EnabledOnOs({OS.LINUX, OS.MAC}) // starts `sleep`
class ProcessStampTest {

    @Test
    void thisProcessIsAliveAndItsPidIsInTheLowBits() {
        assertTrue(ProcessStamp.alive(ProcessStamp.self()));
        assertEquals(ProcessHandle.current().pid(), ProcessStamp.pid(ProcessStamp.self()));
        assertTrue(ProcessStamp.self() > 0, "positive: the channel keeps the sign for 'closed'");
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
            long stamp = ProcessStamp.of(sleeper.toHandle());
            assertTrue(ProcessStamp.alive(stamp));
            long otherStart = stamp ^ (1L << 40); // same pid, another start time
            assertFalse(ProcessStamp.alive(otherStart), "a pid reused by a later process is not the peer");
            long unknownStart = ProcessStamp.pid(stamp); // start key 0: only the pid can be checked
            assertTrue(ProcessStamp.alive(unknownStart));
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertFalse(ProcessStamp.alive(stamp), "gone");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    /** The command name may hold spaces and parentheses: the fields are counted from the last ')'. */
    @Test
    void theStartTimeIsFieldTwentyTwoWhateverTheCommandName() {
        String tail = " S 1 1 1 0 -1 4194304 10 0 0 0 0 0 0 0 20 0 1 0 1239638 3133440 348";
        assertEquals(1239638, ProcessStamp.startTicksOf("42 (cat)" + tail));
        assertEquals(1239638, ProcessStamp.startTicksOf("42 (a) b (c))" + tail));
        assertEquals(0, ProcessStamp.startTicksOf("42 (cat) S 1 2"), "too short");
        assertEquals(0, ProcessStamp.startTicksOf("garbage"));
        assertEquals(0, ProcessStamp.procStartTicks(Integer.MAX_VALUE), "no such process");
    }
}
