package io.ffmipc.linux;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.EventContract;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event contract on eventfd, plus what is Linux-specific about it. */
class LinuxEventTest extends EventContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Test
    void theHandleIsAnEventfdDescriptor() throws Exception {
        try (Event e = platform().event(EventMode.COUNTER)) {
            long fd = e.osHandle();
            assertEquals("anon_inode:[eventfd]", Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
        }
    }

    @Test
    void aDescriptorThatIsNotAnEventfdIsRefused() {
        IpcException notEventfd = assertThrows(IpcException.class, () -> platform().inheritedEvent("fd:0", EventMode.COUNTER));
        assertTrue(notEventfd.getMessage().contains("not an eventfd"), notEventfd.getMessage());
        IpcException notOpen = assertThrows(IpcException.class,
                () -> platform().inheritedEvent("fd:" + (Integer.MAX_VALUE - 1), EventMode.COUNTER));
        assertTrue(notOpen.getMessage().contains("EBADF") && notOpen.getMessage().contains("not open"), notOpen.getMessage());
    }

    @Test
    void anInheritedEventfdOfTheOtherModeIsRefused() throws Exception {
        try (Event e = platform().event(EventMode.SEMAPHORE)) {
            String info = Files.readString(Path.of("/proc/self/fdinfo/" + e.osHandle()));
            org.junit.jupiter.api.Assumptions.assumeTrue(info.contains("eventfd-semaphore:"),
                    "this kernel (before 6.6) does not show an eventfd's mode");
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> platform().inheritedEvent("fd:" + e.osHandle(), EventMode.COUNTER));
            assertTrue(x.getMessage().contains("SEMAPHORE mode, not COUNTER"), x.getMessage());
            e.signal();
            assertEquals(1, e.poll(), "the refused adoption left the descriptor open");
        }
    }

    @Test
    void signalsBeyondTheCounterMaximumAreRefused() {
        try (Event e = platform().event(EventMode.COUNTER)) {
            e.signal(Long.MAX_VALUE);
            e.signal(Long.MAX_VALUE); // 2^64 - 2 now: the maximum
            IpcLimitException x = assertThrows(IpcLimitException.class, () -> e.signal(1));
            assertTrue(x.getMessage().contains("18446744073709551614"), x.getMessage());
            assertEquals(-2L, e.poll(), "the counter held 2^64 - 2 (as an unsigned long)");
        }
    }
}
