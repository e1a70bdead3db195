package io.ffmipc.linux;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.EventContract;
import io.ffmipc.contract.EventPingPongChild;
import io.ffmipc.testkit.SeamsWithout;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event contract on the events an OS without eventfd and without a wait seam gets (macOS before
 * 14.4): a counter in unnamed shared memory ({@link io.ffmipc.core.SharedMemoryEvents}) whose waits
 * poll, handed to the child by descriptor; the child runs on the same platform.
 */
class PolledSharedMemoryEventTest extends EventContract {

    static IpcPlatform polled() {
        return SeamsWithout.platform(Ipc.platform(), seams -> SeamsWithout.events(seams, false));
    }

    private static final IpcPlatform PLATFORM = polled();

    @Override
    protected IpcPlatform platform() {
        return PLATFORM;
    }

    @Override
    protected Class<?> childMain() {
        return Child.class;
    }

    /** The child of the ping-pong test, on the same polled platform. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            EventPingPongChild.run(polled(), args);
        }
    }

    @Test
    void aHandleThatIsNoEventOrOfTheOtherModeIsRefused() {
        try (Event e = platform().event(EventMode.SEMAPHORE)) {
            IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                    () -> platform().eventFromHandle(e::osHandle, EventMode.COUNTER));
            assertTrue(mode.getMessage().contains("SEMAPHORE mode, not COUNTER"), mode.getMessage());
            e.signal();
            assertEquals(1, e.poll(), "the refused adoption left the event working");
        }
        try (var shm = Ipc.platform().anonymousSharedMemory(4096)) {
            IpcException notEvent = assertThrows(IpcException.class,
                    () -> platform().eventFromHandle(shm.handle().orElseThrow(), EventMode.COUNTER));
            assertTrue(notEvent.getMessage().contains("not an event"), notEvent.getMessage());
        }
    }
}
