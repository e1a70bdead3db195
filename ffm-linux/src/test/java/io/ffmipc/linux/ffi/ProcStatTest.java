package io.ffmipc.linux.ffi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcStatTest {

    /** The command name may hold spaces and parentheses: the fields are counted from the last ')'. */
    @Test
    void theStartTimeIsFieldTwentyTwoWhateverTheCommandName() {
        String tail = " S 1 1 1 0 -1 4194304 10 0 0 0 0 0 0 0 20 0 1 0 1239638 3133440 348";
        assertEquals(1239638, ProcStat.startTicksOf("42 (cat)" + tail));
        assertEquals(1239638, ProcStat.startTicksOf("42 (a) b (c))" + tail));
        assertEquals(0, ProcStat.startTicksOf("42 (cat) S 1 2"), "too short");
        assertEquals(0, ProcStat.startTicksOf("garbage"));
        assertEquals(0, ProcStat.startTicks(Integer.MAX_VALUE), "no such process");
        assertTrue(ProcStat.startTicks(ProcessHandle.current().pid()) > 0, "this process");
    }
}
