package io.ffmipc.contract;

import io.ffmipc.Event;
import io.ffmipc.EventMode;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;

import java.time.Duration;

/**
 * Child side of {@link EventContract#pingPongWithAChildThatInheritsTheEvents}: args are the token
 * of the parent-to-child event (SEMAPHORE mode), of the child-to-parent event (COUNTER), rounds.
 */
public final class EventPingPongChild {
    private EventPingPongChild() {
    }

    public static void main(String[] args) {
        run(Ipc.platform(), args);
    }

    /** The child's work on {@code platform} (a test of another platform's events calls this from its own main). */
    public static void run(IpcPlatform platform, String[] args) {
        int rounds = Integer.parseInt(args[2]);
        try (Event in = platform.inheritedEvent(args[0], EventMode.SEMAPHORE);
             Event out = platform.inheritedEvent(args[1], EventMode.COUNTER)) {
            for (int i = 0; i < rounds; i++) {
                if (in.await(Duration.ofSeconds(20)) != 1) {
                    fail("no ping in round " + i);
                }
                out.signal();
            }
            // The parent sends 3 at once; SEMAPHORE mode yields them one at a time.
            int taken = 0;
            while (taken < 3) {
                long got = in.await(Duration.ofSeconds(20));
                if (got != 1) {
                    fail("semaphore-mode wait returned " + got + " after " + taken);
                }
                taken++;
            }
            if (in.poll() != 0) {
                fail("a fourth signal appeared");
            }
            out.signal(taken);
        }
        System.out.println("child done");
        System.exit(0);
    }

    private static void fail(String why) {
        System.out.println(why);
        System.exit(2);
    }
}
